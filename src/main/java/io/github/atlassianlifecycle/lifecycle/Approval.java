package io.github.atlassianlifecycle.lifecycle;

import java.time.Instant;

/**
 * One decision on a plan: who (a user, or {@code policy} for a pre-approval), when, which approval step, the
 * decision, the comment, and the hash of the plan that was decided on.
 */
public record Approval(String step, String approver, Instant at, boolean approved, String comment, String planHash) {

    public static final String POLICY = "policy";
}
