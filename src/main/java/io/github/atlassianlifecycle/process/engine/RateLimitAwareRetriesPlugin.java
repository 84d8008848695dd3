package io.github.atlassianlifecycle.process.engine;

import java.time.Clock;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import io.github.atlassianlifecycle.ops.LifecycleEvents;

/**
 * Makes the engine wait out Atlassian's rate limits instead of burning retries on them (see
 * {@link RateLimitedJobRetryCmd}), and spend none on an endpoint that is unavailable, which becomes an incident at
 * once (see {@link IncidentAtOnceJobCmd}). Wraps whatever failed-job handling the engine already has.
 */
public class RateLimitAwareRetriesPlugin extends AbstractProcessEnginePlugin {

    private final Clock clock;
    private final LifecycleEvents events;

    public RateLimitAwareRetriesPlugin(Clock clock) {
        this(clock, LifecycleEvents.NONE);
    }

    /** @param events told about every retry and every incident */
    public RateLimitAwareRetriesPlugin(Clock clock, LifecycleEvents events) {
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(
                new AtlassianFailedJobCommandFactory(configuration.getFailedJobCommandFactory(), clock, events));
    }
}
