package io.github.atlassianlifecycle.campaign;

import java.time.Instant;

/**
 * A campaign as the store keeps it: the reconciliation it was made from, who asked for it, the process that carries
 * it, the approval decision, once the notices went out the end of the notice period, and who cancelled it when.
 */
public record Campaign(String id, String reconciliationId, String requester, String processInstanceId,
        Decision decision, String decidedBy, Instant decidedAt, String decisionComment, Instant noticeEndsAt,
        Instant createdAt, String cancelledBy, Instant cancelledAt) {

    /** What became of the campaign's approval. */
    public enum Decision {
        APPROVED, REJECTED
    }
}
