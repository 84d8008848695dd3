package io.github.atlassianlifecycle.notification;

/**
 * What the requester is told when their request ends: how it ended (in words), the last approver's comment if any,
 * and the request's own link. The names are the template's placeholders.
 */
public record OutcomeMail(String requestId, String action, String account, String outcome, String comment,
        String requestLink) implements MailInputs {
}
