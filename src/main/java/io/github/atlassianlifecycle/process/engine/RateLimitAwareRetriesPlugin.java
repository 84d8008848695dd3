package io.github.atlassianlifecycle.process.engine;

import java.time.Clock;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Makes the engine wait out Atlassian's rate limits instead of burning retries on them (see
 * {@link RateLimitedJobRetryCmd}), and spend none on an endpoint that is unavailable, which becomes an incident at
 * once (see {@link IncidentAtOnceJobCmd}). Wraps whatever failed-job handling the engine already has.
 */
public class RateLimitAwareRetriesPlugin extends AbstractProcessEnginePlugin {

    private final Clock clock;

    public RateLimitAwareRetriesPlugin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(
                new AtlassianFailedJobCommandFactory(configuration.getFailedJobCommandFactory(), clock));
    }
}
