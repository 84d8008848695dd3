package io.github.atlassianlifecycle.lifecycle.reconcile;

/** The four ways an organization drifts from its products, each with the one action a reviewer is offered. */
public enum FindingKind {
    /** Active in the organization, but removed or deactivated in every product it once used. */
    ORPHANED_ORG_ACCOUNT(ProposedAction.DISABLE),
    /** Active in the organization, no product activity for the inactivity period. */
    INACTIVE(ProposedAction.DISABLE),
    /** Suspended or deactivated in the organization, still holding product groups or seats. */
    LICENCE_WASTE(ProposedAction.RELEASE_PRODUCT_ACCESS),
    /** In a product, absent from the directory: nothing here can act on it, so it is only reported. */
    UNKNOWN_TO_ORG(ProposedAction.REPORT);

    private final ProposedAction proposedAction;

    FindingKind(ProposedAction proposedAction) {
        this.proposedAction = proposedAction;
    }

    public ProposedAction proposedAction() {
        return proposedAction;
    }
}
