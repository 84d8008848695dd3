package io.github.atlassianlifecycle.process.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What the plugin needs of a host's engine: refused with a message naming the setting, or filled in when unset. */
class LifecycleEngineRequirementsTest {

    /** The longest Atlassian call of the default settings: 2 s turn, 2 x 5 s connect, 15 s answer. */
    private static final Duration CALL = Duration.ofSeconds(27);

    @Test
    void a_job_lock_shorter_than_twice_the_longest_call_stops_the_startup_naming_the_settings() {
        StandaloneInMemProcessEngineConfiguration engine = engine(true, HistoryLevel.HISTORY_LEVEL_FULL);
        engine.setJobExecutor(new DefaultJobExecutor());
        engine.getJobExecutor().setLockTimeInMillis(50_000);
        assertThatThrownBy(() -> new LifecycleEngineRequirements(null, CALL).postInit(engine))
                .hasMessageContaining("camunda.bpm.job-execution.lock-time-in-millis is 50000")
                .hasMessageContaining("atlassian.http.response-timeout").hasMessageContaining("27000 ms");
        engine.getJobExecutor().setLockTimeInMillis(54_000);
        assertThatCode(() -> new LifecycleEngineRequirements(null, CALL).postInit(engine)).doesNotThrowAnyException();
    }

    @Test
    void an_engine_with_authorization_and_full_history_passes_and_gets_historic_instance_permissions() {
        StandaloneInMemProcessEngineConfiguration engine = engine(true, HistoryLevel.HISTORY_LEVEL_FULL);
        new LifecycleEngineRequirements(null, CALL).postInit(engine);
        assertThat(engine.isEnableHistoricInstancePermissions()).as("switched on: the host left it unset").isTrue();
    }

    @Test
    void authorization_checks_off_stop_the_startup_naming_the_setting() {
        assertThatThrownBy(() -> new LifecycleEngineRequirements(null, CALL).postInit(engine(false, HistoryLevel.HISTORY_LEVEL_FULL)))
                .hasMessageContaining("camunda.bpm.authorization.enabled=true");
    }

    @Test
    void a_history_level_below_audit_stops_the_startup_naming_the_setting() {
        assertThatThrownBy(() -> new LifecycleEngineRequirements(null, CALL).postInit(engine(true, HistoryLevel.HISTORY_LEVEL_ACTIVITY)))
                .hasMessageContaining("camunda.bpm.history-level is activity");
        assertThatCode(() -> new LifecycleEngineRequirements(null, CALL).postInit(engine(true, HistoryLevel.HISTORY_LEVEL_AUDIT)))
                .doesNotThrowAnyException();
    }

    @Test
    void historic_instance_permissions_switched_off_by_the_host_stop_the_startup_and_are_not_overridden() {
        StandaloneInMemProcessEngineConfiguration engine = engine(true, HistoryLevel.HISTORY_LEVEL_FULL);
        assertThatThrownBy(() -> new LifecycleEngineRequirements(false, CALL).postInit(engine))
                .hasMessageContaining("enable-historic-instance-permissions is false");
        assertThat(engine.isEnableHistoricInstancePermissions()).isFalse();
    }

    @Test
    void every_problem_is_named_at_once() {
        assertThatThrownBy(() -> new LifecycleEngineRequirements(false, CALL).postInit(engine(false, HistoryLevel.HISTORY_LEVEL_NONE)))
                .hasMessageContaining("authorization").hasMessageContaining("history-level")
                .hasMessageContaining("enable-historic-instance-permissions");
    }

    @Test
    void the_hosts_setting_is_read_in_every_spelling_camunda_accepts() {
        assertThat(LifecycleEngineRequirements.historicInstancePermissionsSetBy(new MockEnvironment())).isNull();
        assertThat(LifecycleEngineRequirements.historicInstancePermissionsSetBy(new MockEnvironment().withProperty(
                "camunda.bpm.generic-properties.properties.enable-historic-instance-permissions", "false"))).isFalse();
        assertThat(LifecycleEngineRequirements.historicInstancePermissionsSetBy(new MockEnvironment().withProperty(
                "camunda.bpm.generic-properties.properties.enableHistoricInstancePermissions", "true"))).isTrue();
    }

    private static StandaloneInMemProcessEngineConfiguration engine(boolean authorization, HistoryLevel history) {
        StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
        engine.setAuthorizationEnabled(authorization);
        engine.setHistoryLevel(history);
        return engine;
    }
}
