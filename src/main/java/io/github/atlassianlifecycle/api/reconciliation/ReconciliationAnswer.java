package io.github.atlassianlifecycle.api.reconciliation;

import java.time.Instant;
import java.util.List;

import io.github.atlassianlifecycle.lifecycle.reconcile.EvidenceLine;
import io.github.atlassianlifecycle.reconciliation.ReconciliationView;
import io.github.atlassianlifecycle.reconciliation.StoredFinding;

/**
 * A reconciliation as {@code GET /api/reconciliations/{id}} answers it: {@code {id, status, findings:[{accountId,
 * email, kind, evidence, proposedAction}]}} (the contract), with what else a reader needs: whether it is a dry run,
 * who started it, why it failed, and per finding its key, rule, the reviewer's decision and the request it started.
 */
record ReconciliationAnswer(String id, String status, boolean dryRun, String requestedBy, String reason,
        Integer directorySize, Instant createdAt, Instant updatedAt, List<FindingAnswer> findings) {

    record FindingAnswer(String key, String accountId, String email, String kind, String proposedAction,
            String reasonCode, String rule, List<EvidenceLine> evidence, String decision, String requestId) {
    }

    static ReconciliationAnswer of(ReconciliationView view) {
        var stored = view.reconciliation();
        return new ReconciliationAnswer(stored.id(), stored.status().name(), stored.dryRun(), stored.requestedBy(),
                stored.failureReason(), stored.directorySize(), stored.createdAt(), stored.updatedAt(),
                view.findings().stream().map(ReconciliationAnswer::finding).toList());
    }

    private static FindingAnswer finding(StoredFinding stored) {
        var finding = stored.finding();
        return new FindingAnswer(finding.key(), finding.accountId(), finding.email(), finding.kind().name(),
                finding.proposedAction().name(), finding.reasonCode().name(), finding.rule(), finding.evidence(),
                stored.decision() == null ? null : stored.decision().name(), stored.requestId());
    }
}
