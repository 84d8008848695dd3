package io.github.atlassianlifecycle.batch;

import io.github.atlassianlifecycle.request.NewRequest;

/**
 * One row of a batch: its line ({@link Batch.Source} says what that counts), the request it asks for (null when the
 * row was refused at submission), why it was refused or could not be started ({@code error}), whether the approver
 * excluded it, and the request started for it.
 */
public record BatchRow(int line, NewRequest request, String error, boolean excluded, String requestId) {

    /** A row that passed every rule at submission. */
    public static BatchRow good(int line, NewRequest request) {
        return new BatchRow(line, request, null, false, null);
    }

    /** A row refused at submission. */
    public static BatchRow refused(int line, String error) {
        return new BatchRow(line, null, error, false, null);
    }

    /** Refused at submission: it never goes to approval. */
    public boolean isRefused() {
        return request == null;
    }
}
