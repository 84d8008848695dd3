package io.github.atlassianlifecycle.notification;

/** The inputs of one kind of mail: a record whose component names are its template's placeholders. */
public sealed interface MailInputs permits ApprovalMail, OutcomeMail, CampaignNoticeMail {
}
