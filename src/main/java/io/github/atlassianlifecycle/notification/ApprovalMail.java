package io.github.atlassianlifecycle.notification;

/**
 * What an approver's mail says (a new approval, its reminder, its escalation): the request, who asked and why, the
 * task and its link in Tasklist. The names are the templates' placeholders.
 */
public record ApprovalMail(String requestId, String action, String account, String requester, String reason,
        String taskName, String approverGroups, String taskLink) implements MailInputs {
}
