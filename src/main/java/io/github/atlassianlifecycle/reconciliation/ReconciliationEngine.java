package io.github.atlassianlifecycle.reconciliation;

/** The process side of a reconciliation, as the service needs it (Camunda's side is in the process room). */
public interface ReconciliationEngine {

    /** Starts {@code account-reconcile} as the calling user; returns its id (the process instance's). */
    String start(boolean dryRun);
}
