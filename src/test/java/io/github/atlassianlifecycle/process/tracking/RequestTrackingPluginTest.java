package io.github.atlassianlifecycle.process.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStatus;

/**
 * The request store's bookkeeping at the ends of a lifecycle process, on an engine of its own (the plugin hooks into
 * parsing, so it must be there when the engine is built): a model variant a designer made must still end.
 */
class RequestTrackingPluginTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static RequestRepository repository = mock(RequestRepository.class);
    static ProcessEngine engine;

    @BeforeAll
    static void buildEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("request-tracking-test");
        configuration.setJdbcUrl("jdbc:h2:mem:request-tracking-test;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new RequestTrackingPlugin(repository, Clock.fixed(NOW, ZoneOffset.UTC))));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addClasspathResource("variants/account-disable-new-end-event.bpmn").deploy();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void an_end_event_with_an_outcome_this_version_does_not_know_still_ends_the_request_and_claims_no_success() {
        Logger log = (Logger) LoggerFactory.getLogger(RequestTrackingPlugin.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        try {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("account-disable");

            assertThat(instance.isEnded()).isTrue();
            ArgumentCaptor<RequestStatus> status = ArgumentCaptor.forClass(RequestStatus.class);
            verify(repository).close(eq(instance.getId()), status.capture(), eq("escalated-to-legal"), any());
            assertThat(status.getValue().name()).isEqualTo("UNKNOWN_OUTCOME");
            assertThat(status.getValue().isFinal()).isTrue();
            assertThat(status.getValue()).isNotEqualTo(RequestStatus.COMPLETED);
            assertThat(warnings.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("escalated-to-legal", instance.getId());
            });
        } finally {
            log.detachAppender(warnings);
        }
    }
}
