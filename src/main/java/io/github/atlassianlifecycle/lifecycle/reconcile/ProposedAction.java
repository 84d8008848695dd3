package io.github.atlassianlifecycle.lifecycle.reconcile;

/** What a finding proposes; only the first two can become a lifecycle request. */
public enum ProposedAction {
    DISABLE,
    /**
     * Take an account already out of use in the organization out of the product groups it still holds: an
     * {@code account-disable}, whose plan for such an account is exactly those group removals (and says so).
     */
    RELEASE_PRODUCT_ACCESS,
    REPORT;

    /** Whether an approved finding of this action starts a change (a report only informs). */
    public boolean changesSomething() {
        return this != REPORT;
    }
}
