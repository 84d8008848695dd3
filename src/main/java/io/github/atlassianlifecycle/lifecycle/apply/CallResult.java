package io.github.atlassianlifecycle.lifecycle.apply;

import java.time.Instant;

import io.github.atlassianlifecycle.lifecycle.plan.Operation;

/** What became of one planned call. */
public record CallResult(String id, Operation operation, String target, Outcome outcome, Instant at) {

    public enum Outcome {
        /** The call changed something. */
        APPLIED,
        /** Atlassian was already in the planned state (a retry after a crash, or someone else did it). */
        ALREADY_DONE,
        /** An administrator chose to skip the call after it failed. */
        SKIPPED
    }
}
