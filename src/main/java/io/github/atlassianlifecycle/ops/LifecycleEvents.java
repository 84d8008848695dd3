package io.github.atlassianlifecycle.ops;

import java.time.Duration;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.request.RequestStatus;

/**
 * What the process side tells operators about, in the request's own words (no engine types), once the engine's
 * transaction has committed: a rolled-back step tells nothing. The metrics implement it; without them it is
 * {@link #NONE}. Nothing here carries an account id, an email or a secret.
 */
public interface LifecycleEvents {

    /** Tells nobody: the plugin without metrics. */
    LifecycleEvents NONE = new LifecycleEvents() {
    };

    /** A request's process ended with {@code status}, {@code sinceSubmission} after the request was submitted. */
    default void requestEnded(LifecycleAction action, RequestStatus status, Duration sinceSubmission) {
    }

    /** An approver decided, {@code waited} after the approval task was created. */
    default void approvalDecided(LifecycleAction action, boolean approved, Duration waited) {
    }

    /**
     * A job failed and will run again: {@code rateLimited} when it waits for Atlassian's reset without spending a
     * try, otherwise it spent one of its retry cycle. {@code family} and {@code operation} are null when the failure
     * was not an Atlassian call's.
     */
    default void jobRetried(boolean rateLimited, ApiFamily family, String operation) {
    }

    /** A job has no tries left, or no try would help: an incident for an operator. */
    default void incidentRaised(ApiFamily family, String operation) {
    }
}
