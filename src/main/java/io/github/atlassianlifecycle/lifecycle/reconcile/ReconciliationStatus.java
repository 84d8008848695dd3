package io.github.atlassianlifecycle.lifecycle.reconcile;

/**
 * Where a reconciliation stands: {@code RUNNING} while it reads and classifies, then {@code COMPLETED} for a dry
 * run, or {@code IN_REVIEW} until the security reviewer decided and the approved requests started, then
 * {@code COMPLETED}; {@code FAILED} with a reason.
 */
public enum ReconciliationStatus {
    RUNNING, IN_REVIEW, COMPLETED, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
