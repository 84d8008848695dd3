package io.github.atlassianlifecycle.batch;

import java.util.Optional;

import io.github.atlassianlifecycle.request.Evidence;
import io.github.atlassianlifecycle.request.RequestOrigins;

/** The batch approval a request was started under, from the batch store, for the request's evidence. */
public class BatchOrigins implements RequestOrigins {

    private final BatchRepository batches;

    public BatchOrigins(BatchRepository batches) {
        this.batches = batches;
    }

    @Override
    public Optional<Evidence.BatchApproval> batchApproval(String requestId) {
        return batches.batchOfRequest(requestId).flatMap(batch -> batches.rowOfRequest(requestId)
                .map(row -> new Evidence.BatchApproval(batch.id(), row.line(), batch.decidedBy(), batch.decidedAt(),
                        batch.decisionComment())));
    }
}
