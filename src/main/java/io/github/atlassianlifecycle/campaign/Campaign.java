package io.github.atlassianlifecycle.campaign;

import java.time.Instant;

/**
 * A campaign as the store keeps it: the reconciliation it was made from, who asked for it, the process that carries
 * it, the approval decision and, once the notices went out, the end of the notice period.
 */
public record Campaign(String id, String reconciliationId, String requester, String processInstanceId,
        Decision decision, String decidedBy, Instant decidedAt, String decisionComment, Instant noticeEndsAt,
        Instant createdAt) {

    /** What became of the campaign's approval. */
    public enum Decision {
        APPROVED, REJECTED
    }
}
