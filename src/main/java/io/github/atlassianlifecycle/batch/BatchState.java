package io.github.atlassianlifecycle.batch;

import java.util.List;
import java.util.Map;

import io.github.atlassianlifecycle.request.RequestStatus;

/**
 * Where a batch stands: its status, how many rows are in each request status, and each row.
 *
 * @param counts rows per request status, only the statuses some row has
 */
public record BatchState(Status status, Map<RequestStatus, Integer> counts, List<Row> rows) {

    /** Where the batch as a whole stands. */
    public enum Status {
        /** Waiting for its approval. */
        PENDING_APPROVAL,
        /** Approved: its requests are being started, or some still run. */
        IN_PROGRESS,
        /** Approved, and every approved row's request has ended (or could not be started). */
        COMPLETED,
        /** Its approval was rejected: no request was started. */
        REJECTED
    }

    /**
     * One row as the API shows it. {@code status}: the row's request's status once started; before that
     * {@code PENDING_APPROVAL} (the batch waits), {@code IN_PROGRESS} (approved, being started); {@code INVALID} for a
     * row refused at submission, {@code REJECTED} for a row excluded or a batch rejected, {@code FAILED} for a row whose
     * request could not be started; {@code error} says why for each of the last three.
     */
    public record Row(int line, String requestId, RequestStatus status, String error) {
    }
}
