package io.github.atlassianlifecycle.reconciliation;

/**
 * What a classification found: how many findings, how many of them propose a change, how many propose a disable,
 * and the most disables one reconciliation proposes without a second approval.
 */
public record Classification(int findings, int proposals, int disables, int maxDisable) {
}
