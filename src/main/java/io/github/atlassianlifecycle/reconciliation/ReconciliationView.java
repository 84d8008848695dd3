package io.github.atlassianlifecycle.reconciliation;

import java.util.List;

/** A reconciliation and its findings, as the API shows them. */
public record ReconciliationView(StoredReconciliation reconciliation, List<StoredFinding> findings) {

    public ReconciliationView {
        findings = List.copyOf(findings);
    }
}
