package io.github.atlassianlifecycle.process.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.ops.LifecycleEvents;
import io.github.atlassianlifecycle.process.seal.TamperedStateException;

/**
 * What a job that failed on an Atlassian call gets, by the failure's kind: a rate-limited one waits for Atlassian's
 * reset ({@link RateLimitedJobRetryCmd}); one whose endpoint is unavailable, one that says a setting is wrong
 * ({@link AtlassianApiException#isMisconfigured()}), and one that refused a tampered state
 * ({@link TamperedStateException}), become an incident at once ({@link IncidentAtOnceJobCmd}): no retry would change
 * their answer. Every other failure goes to the engine's usual handling (retry cycle, then an incident). Business
 * failures never get here: the delegates turn them into BPMN errors.
 */
class AtlassianFailedJobCommandFactory implements FailedJobCommandFactory {

    /** When Atlassian gives no hint, try again after this long. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** Jobs held back by one 429 should not all come back in the same millisecond. */
    static final long MAX_JITTER_MILLIS = 1_000;

    private final FailedJobCommandFactory otherwise;
    private final Clock clock;
    private final LifecycleEvents events;

    AtlassianFailedJobCommandFactory(FailedJobCommandFactory otherwise, Clock clock, LifecycleEvents events) {
        this.otherwise = otherwise;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        AtlassianApiException failure = atlassianFailure(exception);
        if (tampered(exception) || failure != null && (failure.isEndpointUnavailable() || failure.isMisconfigured())) {
            return told(jobId, exception, false, new IncidentAtOnceJobCmd(jobId, exception));
        }
        if (failure == null) {
            return told(jobId, exception, false, otherwise.getCommand(jobId, exception));
        }
        Instant now = clock.instant();
        Instant retryAt = failure.retryAt().filter(now::isBefore).orElse(now.plus(DEFAULT_WAIT))
                .plusMillis(ThreadLocalRandom.current().nextLong(MAX_JITTER_MILLIS));
        return told(jobId, exception, true, new RateLimitedJobRetryCmd(jobId, exception, retryAt));
    }

    /**
     * The command, which then tells {@link LifecycleEvents} what became of the job: retried (waiting out a rate
     * limit, or spending a try), or out of tries, which is an incident.
     */
    private Command<Object> told(String jobId, Throwable exception, boolean rateLimited, Command<Object> command) {
        return context -> {
            Object result = command.execute(context);
            JobEntity job = context.getJobManager().findJobById(jobId);
            if (job == null) {
                return result;
            }
            AtlassianApiException call = firstAtlassianFailure(exception);
            ApiFamily family = call == null ? null : call.family();
            String operation = call == null ? null : call.operation();
            if (job.getRetries() <= 0) {
                AfterCommit.run(() -> events.incidentRaised(family, operation));
            } else {
                AfterCommit.run(() -> events.jobRetried(rateLimited, family, operation));
            }
            return result;
        };
    }

    /** The first Atlassian failure of any kind in the cause chain: what the step was calling when it failed. */
    static AtlassianApiException firstAtlassianFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AtlassianApiException api) {
                return api;
            }
        }
        return null;
    }

    static boolean tampered(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TamperedStateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first Atlassian failure in the cause chain that is rate-limited, names an unavailable endpoint or a wrong
     * setting.
     */
    static AtlassianApiException atlassianFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AtlassianApiException api
                    && (api.isRateLimited() || api.isEndpointUnavailable() || api.isMisconfigured())) {
                return api;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
