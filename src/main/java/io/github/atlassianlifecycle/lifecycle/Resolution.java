package io.github.atlassianlifecycle.lifecycle;

import java.time.Instant;

/**
 * An administrator's decision on a step Atlassian refused: {@code retry} it, {@code skip} the failed call, or
 * {@code abort} the request; who decided, when and why, where the request had failed ({@code failedAt}, e.g.
 * {@code apply}), what Atlassian answered ({@code failureCode}), and, for a refused call, which one: its number
 * ({@code failedCall}) in the plan whose SHA-256 is {@code planHash}. A call number means nothing without its plan,
 * so a skip holds only for that plan.
 */
public record Resolution(String choice, String by, Instant at, String comment, String failedAt, String failureCode,
        String failedCall, String planHash) {

    public static final String RETRY = "retry";
    public static final String SKIP = "skip";
    public static final String ABORT = "abort";

    /** Does this decision leave a call of the plan whose SHA-256 is {@code plan} out? */
    public boolean skips(String plan) {
        return SKIP.equals(choice) && failedCall != null && plan != null && plan.equals(planHash);
    }
}
