package io.github.atlassianlifecycle.reconciliation;

import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;

/**
 * A finding with what became of it: the reviewer's decision ({@code APPROVED}, {@code EXCLUDED}, {@code CAMPAIGN}
 * for an approved INACTIVE finding the review ran as an inactivity campaign, null while undecided) and the lifecycle
 * request an approved one started.
 */
public record StoredFinding(Finding finding, Decision decision, String requestId) {

    public enum Decision {
        APPROVED, EXCLUDED, CAMPAIGN
    }
}
