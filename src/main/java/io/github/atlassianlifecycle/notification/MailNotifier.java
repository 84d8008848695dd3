package io.github.atlassianlifecycle.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Notifier} of mail on: one mail per person (each address once), written from the kind's template. A
 * person without an address is skipped and logged; a mail the server does not accept is logged and counted as
 * failed, and the others still go. Logs name the kind, the user and the failure's type, never a mail's body.
 */
public final class MailNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

    private final MailTransport transport;
    private final MailTemplates templates;
    private final NotificationCounter counter;

    public MailNotifier(MailTransport transport, MailTemplates templates, NotificationCounter counter) {
        this.transport = transport;
        this.templates = templates;
        this.counter = counter;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Outgoing prepare(MailKind kind, MailInputs inputs, Collection<Recipient> to) {
        RenderedMail mail = templates.render(kind, inputs);
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Recipient recipient : to) {
            if (recipient.reachable()) {
                byAddress.putIfAbsent(recipient.email().toLowerCase(Locale.ROOT), recipient);
            } else {
                LOG.info("No {} mail for user {}: the identity service has no email address for them", kind.id(),
                        recipient.userId());
                counter.increment(kind, NotificationCounter.Result.SKIPPED);
            }
        }
        List<Recipient> recipients = new ArrayList<>(byAddress.values());
        return () -> recipients.forEach(recipient -> send(kind, recipient, mail));
    }

    /** Sends one mail; true when the server accepted it. */
    boolean send(MailKind kind, Recipient recipient, RenderedMail mail) {
        try {
            transport.send(recipient.email(), mail);
            counter.increment(kind, NotificationCounter.Result.SENT);
            return true;
        } catch (RuntimeException e) {
            counter.increment(kind, NotificationCounter.Result.FAILED);
            LOG.warn("The {} mail to user {} was not accepted by the mail server: {}", kind.id(), recipient.userId(),
                    MailNotifier.why(e));
            return false;
        }
    }

    /** A failure in a few words: its type and message, the causes' types (no mail content is in either). */
    static String why(Throwable failure) {
        StringBuilder why = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            why.append(" < ").append(cause.getClass().getSimpleName());
        }
        return why.toString();
    }
}
