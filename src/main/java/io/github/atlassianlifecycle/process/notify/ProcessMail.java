package io.github.atlassianlifecycle.process.notify;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import io.github.atlassianlifecycle.notification.Links;
import io.github.atlassianlifecycle.notification.Notifier;

/**
 * What the listeners need of the notification room: the notifier, the links it writes, and the escalation group
 * (null: nobody). Mails are sent when the engine's transaction has committed.
 */
public record ProcessMail(Notifier notifier, Links links, String escalationGroup) {

    /** Mail off. */
    public static final ProcessMail OFF = new ProcessMail(Notifier.OFF, null, null);

    boolean enabled() {
        return notifier.enabled();
    }

    /** Sends after the commit; nothing is sent when the transaction rolls back (the step will run again). */
    static void afterCommit(Notifier.Outgoing outgoing) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            outgoing.send();
            return;
        }
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> outgoing.send());
    }
}
