package io.github.atlassianlifecycle.process.steps;

import java.util.List;

import io.github.atlassianlifecycle.batch.BatchService;

/**
 * The collection {@code account-batch} starts one request for each of (its {@code camunda:collection}): the lines
 * the approver approved, read from the batch store, so no variable decides what starts.
 */
public class BatchLines {

    private final BatchService batches;

    public BatchLines(BatchService batches) {
        this.batches = batches;
    }

    public List<Integer> approved(String batchId) {
        return batches.approvedLines(batchId);
    }
}
