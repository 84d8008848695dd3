package io.github.atlassianlifecycle.process.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.process.seal.TamperedStateException;

/**
 * Sends rate-limited jobs to {@link RateLimitedJobRetryCmd}, and jobs that refused a tampered state to
 * {@link RefusedJobCmd} (an incident at once); every other failure goes to the engine's usual handling (retry
 * cycle, then an incident).
 */
class RateLimitAwareFailedJobCommandFactory implements FailedJobCommandFactory {

    /** When Atlassian gives no hint, try again after this long. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** Jobs held back by one 429 should not all come back in the same millisecond. */
    static final long MAX_JITTER_MILLIS = 1_000;

    private final FailedJobCommandFactory otherwise;
    private final Clock clock;

    RateLimitAwareFailedJobCommandFactory(FailedJobCommandFactory otherwise, Clock clock) {
        this.otherwise = otherwise;
        this.clock = clock;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        if (tampered(exception)) {
            return new RefusedJobCmd(jobId, exception);
        }
        AtlassianApiException rateLimited = rateLimited(exception);
        if (rateLimited == null) {
            return otherwise.getCommand(jobId, exception);
        }
        Instant now = clock.instant();
        Instant retryAt = rateLimited.retryAt().filter(now::isBefore).orElse(now.plus(DEFAULT_WAIT))
                .plusMillis(ThreadLocalRandom.current().nextLong(MAX_JITTER_MILLIS));
        return new RateLimitedJobRetryCmd(jobId, exception, retryAt);
    }

    static boolean tampered(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TamperedStateException) {
                return true;
            }
        }
        return false;
    }

    static AtlassianApiException rateLimited(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AtlassianApiException api && api.isRateLimited()) {
                return api;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
