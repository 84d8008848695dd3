package io.github.atlassianlifecycle.ops.metrics;

import static io.github.atlassianlifecycle.ops.metrics.MeterNames.FAMILY;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.OPERATION;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.STATUS;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.tag;

import io.github.atlassianlifecycle.client.transport.ApiCall;
import io.github.atlassianlifecycle.client.transport.ApiCallListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every Atlassian exchange the transport makes, as a timer by family, operation and status, and every 429 as a
 * counter of its own. The path is left out on purpose: it holds account ids.
 */
public class ApiCallMeters implements ApiCallListener {

    private final MeterRegistry registry;

    public ApiCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onCall(ApiCall call) {
        registry.timer(MeterNames.API_CALLS, FAMILY, tag(call.family()), OPERATION, call.operation(), STATUS,
                String.valueOf(call.status())).record(call.duration());
        if (call.status() == 429) {
            registry.counter(MeterNames.API_RATE_LIMITED, FAMILY, tag(call.family())).increment();
        }
    }
}
