package io.github.atlassianlifecycle.process.seal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * The seal key exists as soon as the engine has started. Were it created on first use, parallel jobs creating
 * approval tasks at the same moment would each insert it, and all but one would fail on the property's unique name
 * (seen as a one-minute delay of concurrent first approvals in {@code SecretsNeverLeakIT}).
 */
class RequestFingerprintKeyTest {

    @Test
    void the_seal_key_is_created_when_the_engine_starts_and_kept_across_restarts() {
        String url = "jdbc:h2:mem:seal-key-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        String first;
        ProcessEngine engine = build(url, "seal-key-1");
        try {
            first = engine.getManagementService().getProperties().get(RequestFingerprint.KEY_PROPERTY);
            assertThat(first).isNotBlank();
        } finally {
            engine.close();
        }
        ProcessEngine again = build(url, "seal-key-2");
        try {
            assertThat(again.getManagementService().getProperties().get(RequestFingerprint.KEY_PROPERTY))
                    .as("a restart keeps the key, so open approvals stay valid").isEqualTo(first);
        } finally {
            again.close();
        }
    }

    private static ProcessEngine build(String url, String name) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration().setJdbcUrl(url).setProcessEngineName(name)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new RequestFingerprint());
        return configuration.buildProcessEngine();
    }
}
