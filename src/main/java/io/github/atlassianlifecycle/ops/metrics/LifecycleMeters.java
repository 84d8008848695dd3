package io.github.atlassianlifecycle.ops.metrics;

import static io.github.atlassianlifecycle.ops.metrics.MeterNames.ACTION;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.DECISION;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.FAMILY;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.KIND;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.OPERATION;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.OUTCOME;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.tag;

import java.time.Duration;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.ops.LifecycleEvents;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.micrometer.core.instrument.MeterRegistry;

/** The lifecycle's events as Micrometer meters (names and tags in {@link MeterNames}). */
public class LifecycleMeters implements LifecycleEvents {

    private final MeterRegistry registry;

    public LifecycleMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestEnded(LifecycleAction action, RequestStatus status, Duration sinceSubmission) {
        registry.counter(MeterNames.REQUESTS, ACTION, tag(action), OUTCOME, tag(status)).increment();
        if (status == RequestStatus.COMPLETED || status == RequestStatus.PARTIALLY_APPLIED) {
            registry.timer(MeterNames.REQUEST_APPLIED, ACTION, tag(action)).record(sinceSubmission);
        }
    }

    @Override
    public void approvalDecided(LifecycleAction action, boolean approved, Duration waited) {
        registry.timer(MeterNames.APPROVAL_WAIT, ACTION, tag(action), DECISION, approved ? "approved" : "rejected")
                .record(waited);
    }

    @Override
    public void jobRetried(boolean rateLimited, ApiFamily family, String operation) {
        registry.counter(MeterNames.RETRIES, KIND, rateLimited ? "rate-limited" : "transient", FAMILY, tag(family))
                .increment();
    }

    @Override
    public void incidentRaised(ApiFamily family, String operation) {
        registry.counter(MeterNames.INCIDENTS, FAMILY, tag(family), OPERATION, operation == null ? MeterNames.NONE : operation)
                .increment();
    }
}
