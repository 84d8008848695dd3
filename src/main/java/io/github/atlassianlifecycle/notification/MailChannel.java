package io.github.atlassianlifecycle.notification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.github.atlassianlifecycle.campaign.NotificationChannel;

/**
 * Campaign notices by mail, sent at once: the row says "sent" only when the mail server accepted the mail. A mail that
 * fails is not retried here but recorded on the row ("notice not sent: ..."), counted and logged: the campaign step
 * goes on for the other rows, and the report shows exactly who was not told.
 */
public final class MailChannel implements NotificationChannel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MailNotifier mail;
    private final MailTemplates templates;
    private final Links links;

    public MailChannel(MailNotifier mail, MailTemplates templates, Links links) {
        this.mail = mail;
        this.templates = templates;
        this.links = links;
    }

    @Override
    public Optional<String> send(Notice notice) {
        Recipient person = new Recipient(notice.accountId(), notice.email());
        if (!person.reachable()) {
            return Optional.of("no email address");
        }
        RenderedMail rendered = templates.render(MailKind.CAMPAIGN_NOTICE, new CampaignNoticeMail(notice.accountId(),
                links.path(notice.keepPath()), WHEN.format(notice.expiresAt())));
        return mail.send(MailKind.CAMPAIGN_NOTICE, person, rendered) ? Optional.empty()
                : Optional.of("the mail server did not accept the mail");
    }
}
