package io.github.atlassianlifecycle.notification;

import java.util.Collection;

/**
 * The processes' door: a mail of one kind to some people, written now and sent later. The process side writes it
 * inside its transaction (where it reads what the mail says) and sends it after the commit, so a mail never tells of
 * something that rolled back, and a mail that fails never rolls anything back.
 */
public interface Notifier {

    /** Mail off: nothing is written or sent. */
    Notifier OFF = new Notifier() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Outgoing prepare(MailKind kind, MailInputs inputs, Collection<Recipient> to) {
            return Outgoing.NOTHING;
        }
    };

    /** False when mail is off, so a caller need not even look up the people. */
    boolean enabled();

    /** One mail to each reachable recipient (each address once); recipients without an address are skipped, logged. */
    Outgoing prepare(MailKind kind, MailInputs inputs, Collection<Recipient> to);

    /** Mails written and not yet sent. */
    @FunctionalInterface
    interface Outgoing {

        Outgoing NOTHING = () -> { };

        /** Sends them; never throws: a failure is logged and counted. */
        void send();
    }
}
