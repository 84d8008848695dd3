package io.github.atlassianlifecycle.process.engine;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs something once the engine's current transaction has committed, so that what a rolled-back step did (or
 * seemed to do) is never reported. Outside a command it runs at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            action.run();
            return;
        }
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> action.run());
    }
}
