package io.github.atlassianlifecycle.notification;

import java.util.Locale;

/**
 * Every kind of mail, each with the record of its inputs; its template is {@code notification/<kind>.txt}
 * ({@code approval-waiting.txt}, ...) and the kind is the {@code kind} tag of the notification counter.
 */
public enum MailKind {

    /** To each candidate approver when an approval task is created. */
    APPROVAL_WAITING(ApprovalMail.class),
    /** To each candidate approver again when the approval has waited past the reminder. */
    APPROVAL_REMINDER(ApprovalMail.class),
    /** To the escalation group when the approval is still unanswered after the reminder. */
    APPROVAL_ESCALATION(ApprovalMail.class),
    /** To the requester when the request ends. */
    REQUEST_OUTCOME(OutcomeMail.class),
    /** To the person in an inactivity campaign, with their keep link. */
    CAMPAIGN_NOTICE(CampaignNoticeMail.class);

    private final Class<? extends MailInputs> inputs;

    MailKind(Class<? extends MailInputs> inputs) {
        this.inputs = inputs;
    }

    public Class<? extends MailInputs> inputs() {
        return inputs;
    }

    /** The template's file name without {@code .txt}, and the counter's tag. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
