package io.github.atlassianlifecycle.batch;

import java.time.Instant;

/**
 * A batch as the store keeps it: who submitted it, from what ({@link Source}), the process that carries its approval,
 * and, once decided, the decision, by whom, when and why.
 */
public record Batch(String id, String requester, Source source, String processInstanceId, Decision decision,
        String decidedBy, Instant decidedAt, String decisionComment, Instant createdAt) {

    /** What a row's {@code line} counts. */
    public enum Source {
        /** The line of the CSV file where the row begins (the header is line 1). */
        CSV,
        /** The row's index in the JSON array, from 0. */
        JSON
    }

    /** What became of the batch's approval. */
    public enum Decision {
        APPROVED, REJECTED
    }
}
