package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.util.List;
import java.util.Objects;

import io.github.atlassianlifecycle.lifecycle.ReasonCode;

/**
 * One drift found: whose account ({@code accountId} may be null for a Bitbucket user with no Atlassian account;
 * {@code subject} is then its Bitbucket name), of which kind, what it proposes, why, and on what evidence.
 * {@link #key()} names it within a reconciliation, so it is stored and reported once.
 */
public record Finding(String accountId, String email, String subject, FindingKind kind, ReasonCode reasonCode,
        String rule, List<EvidenceLine> evidence) {

    public Finding {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(rule, "rule");
        evidence = List.copyOf(evidence);
    }

    public ProposedAction proposedAction() {
        return kind.proposedAction();
    }

    /** Unique within one reconciliation: a subject has at most one finding of a kind. */
    public String key() {
        return kind.name() + ":" + subject;
    }
}
