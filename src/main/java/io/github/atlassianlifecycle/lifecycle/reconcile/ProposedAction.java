package io.github.atlassianlifecycle.lifecycle.reconcile;

/** What a finding proposes; only the first two can become a lifecycle request. */
public enum ProposedAction {
    DISABLE,
    RELEASE_PRODUCT_ACCESS,
    REPORT;

    /** Whether an approved finding of this action starts a change (a report only informs). */
    public boolean changesSomething() {
        return this != REPORT;
    }
}
