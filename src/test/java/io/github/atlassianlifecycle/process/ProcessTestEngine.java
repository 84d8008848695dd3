package io.github.atlassianlifecycle.process;

import java.time.Clock;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One in-memory engine shared by every process test class (building an engine costs a second or two). Beans the
 * models name are registered per test with {@code Mocks.register}.
 */
final class ProcessTestEngine {

    private static ProcessEngine engine;

    private ProcessTestEngine() {
    }

    static synchronized ProcessEngine get() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
            configuration.setHistory("full");
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setProcessEngineName("process-tests");
            configuration.getProcessEnginePlugins().add(new RateLimitAwareRetriesPlugin(Clock.systemUTC()));
            engine = configuration.buildProcessEngine();
        }
        return engine;
    }
}
