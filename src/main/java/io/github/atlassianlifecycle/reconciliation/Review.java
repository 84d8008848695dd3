package io.github.atlassianlifecycle.reconciliation;

/** A reviewer's decision, as recorded: how many findings it approved, how many disables, and whether that trips the guard. */
public record Review(int approved, int disables, int maxDisable) {

    /** More disables than one reconciliation may make without a second, different security reviewer. */
    public boolean needsSecondApproval() {
        return disables > maxDisable;
    }
}
