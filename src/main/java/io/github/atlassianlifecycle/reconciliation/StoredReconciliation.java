package io.github.atlassianlifecycle.reconciliation;

import java.time.Instant;
import java.util.Objects;

import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;

/** One reconciliation as stored: who asked for it, whether it only reports, where it stands. */
public record StoredReconciliation(String id, boolean dryRun, ReconciliationStatus status, String failureReason,
        String requestedBy, String processInstanceId, Integer directorySize, Instant createdAt, Instant updatedAt) {

    public StoredReconciliation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
