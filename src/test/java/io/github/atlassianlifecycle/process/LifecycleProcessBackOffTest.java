package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.batch.BatchEngine;
import io.github.atlassianlifecycle.batch.BatchRepository;
import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.campaign.CampaignEngine;
import io.github.atlassianlifecycle.campaign.CampaignRepository;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.config.AtlassianProperties;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.process.engine.LifecycleAuthorizations;
import io.github.atlassianlifecycle.process.engine.LifecycleEngineRequirements;
import io.github.atlassianlifecycle.process.engine.LifecycleGroupIdsPlugin;
import io.github.atlassianlifecycle.process.engine.LifecycleModelDeployer;
import io.github.atlassianlifecycle.process.engine.RateLimitAwareRetriesPlugin;
import io.github.atlassianlifecycle.process.seal.RequestFingerprint;
import io.github.atlassianlifecycle.process.tracking.ApiCallRecorder;
import io.github.atlassianlifecycle.process.tracking.LifecycleEventsPlugin;
import io.github.atlassianlifecycle.process.tracking.RequestTrackingPlugin;
import io.github.atlassianlifecycle.ops.WaitingRequests;
import io.github.atlassianlifecycle.request.RequestEngine;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconcilerFactory;
import io.github.atlassianlifecycle.reconciliation.ReconciliationEngine;
import io.github.atlassianlifecycle.reconciliation.ReconciliationRepository;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.request.RequestPreview;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;

/**
 * Every bean of the Camunda side backs off when the application defines its own: the engine plugins and the
 * lifecycle domain by type, the delegates and listeners the models name by their name (an application's bean of
 * that name may be of any type). No engine: its services and the clients are stand-ins.
 */
class LifecycleProcessBackOffTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Surroundings.class)
            .withConfiguration(AutoConfigurations.of(LifecycleProcessAutoConfiguration.class,
                    ReconcileProcessAutoConfiguration.class, CampaignProcessAutoConfiguration.class,
                    io.github.atlassianlifecycle.notification.NotificationAutoConfiguration.class,
                    NotificationProcessAutoConfiguration.class))
            .withPropertyValues("atlassian.org-id=acme", "atlassian.directory-id=dir", "atlassian.org-api-key=key");

    static List<Class<?>> byType() {
        return List.of(LifecycleEngineRequirements.class, LifecycleModelDeployer.class, RateLimitAwareRetriesPlugin.class,
                LifecycleAuthorizations.class, LifecycleGroupIdsPlugin.class, RequestTrackingPlugin.class,
                LifecycleEventsPlugin.class, WaitingRequests.class, ApiCallRecorder.class, RequestEngine.class, RequestPreview.class, RequestService.class, LifecyclePolicy.class,
                AccountInspector.class, GroupResolver.class, RequestPlanner.class, PlanExecutor.class,
                RequestFingerprint.class, ReconcilerFactory.class, ReconciliationService.class,
                ReconciliationEngine.class, BatchRepository.class, BatchEngine.class, BatchService.class,
                CampaignRepository.class, CampaignEngine.class, CampaignService.class);
    }

    /** Every bean the models name in an expression ({@code ${applyPlanStep}}, {@code ${lifecycleTimers.expireAfter}}). */
    static List<String> byName() {
        return List.of(LifecycleProcessAutoConfiguration.LIFECYCLE_TIMERS,
                LifecycleProcessAutoConfiguration.VALIDATE_REQUEST, LifecycleProcessAutoConfiguration.RECHECK_DELETION,
                LifecycleProcessAutoConfiguration.CANCEL_PENDING_DELETION,
                LifecycleProcessAutoConfiguration.PLAN_REQUEST, LifecycleProcessAutoConfiguration.ROUTE_APPROVAL,
                LifecycleProcessAutoConfiguration.APPROVAL_TASK_LISTENER,
                LifecycleProcessAutoConfiguration.REMIND_APPROVERS, LifecycleProcessAutoConfiguration.RECHECK_PLAN,
                LifecycleProcessAutoConfiguration.TAKE_SNAPSHOT, LifecycleProcessAutoConfiguration.APPLY_PLAN_STEP,
                LifecycleProcessAutoConfiguration.VERIFY_PLAN, LifecycleProcessAutoConfiguration.UNDO_DISABLE,
                LifecycleProcessAutoConfiguration.RESOLVE_FAILURE_LISTENER,
                ReconcileProcessAutoConfiguration.RECONCILE_SCHEDULE, ReconcileProcessAutoConfiguration.BEGIN,
                ReconcileProcessAutoConfiguration.READ, ReconcileProcessAutoConfiguration.CLASSIFY,
                ReconcileProcessAutoConfiguration.START_REQUESTS, ReconcileProcessAutoConfiguration.FINISH,
                ReconcileProcessAutoConfiguration.FAIL, ReconcileProcessAutoConfiguration.REVIEW_LISTENER,
                ReconcileProcessAutoConfiguration.START_NIGHTLY,
                LifecycleProcessAutoConfiguration.VALIDATE_BATCH, LifecycleProcessAutoConfiguration.BATCH_APPROVAL_TASK_LISTENER,
                LifecycleProcessAutoConfiguration.BATCH_LINES, LifecycleProcessAutoConfiguration.START_BATCH_ROW,
                CampaignProcessAutoConfiguration.VALIDATE, CampaignProcessAutoConfiguration.APPROVAL_LISTENER,
                CampaignProcessAutoConfiguration.SEND_NOTICES, CampaignProcessAutoConfiguration.DISABLE_UNKEPT,
                NotificationProcessAutoConfiguration.NOTIFY_APPROVERS,
                NotificationProcessAutoConfiguration.ESCALATE_APPROVAL,
                NotificationProcessAutoConfiguration.NOTIFY_REQUESTER,
                CampaignProcessAutoConfiguration.START_REVIEW_CAMPAIGN);
    }

    @Test
    void without_beans_of_the_applications_own_the_plugin_supplies_every_one() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            byType().forEach(type -> assertThat(context).as(type.getSimpleName()).hasSingleBean(type));
            byName().forEach(name -> assertThat(context).as(name).hasBean(name));
        });
    }

    @ParameterizedTest
    @MethodSource("byType")
    <T> void the_applications_own_bean_replaces_the_plugins(Class<T> type) {
        T own = mock(type);
        runner.withBean("applicationsOwn", type, () -> own).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(type);
            assertThat(context.getBean(type)).isSameAs(own);
        });
    }

    @ParameterizedTest
    @MethodSource("byName")
    void the_applications_bean_of_a_name_the_models_use_replaces_the_plugins(String name) {
        JavaDelegate own = execution -> { };
        runner.withBean(name, JavaDelegate.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(name)).isSameAs(own);
                });
    }

    @Test
    void every_name_the_models_use_for_a_bean_is_one_of_the_overridable_names() throws Exception {
        java.util.Set<String> referenced = new java.util.TreeSet<>();
        java.util.regex.Pattern expression = java.util.regex.Pattern.compile("\\$\\{([a-zA-Z]+)[.}]");
        for (var model : LifecycleModelDeployer.resources()) {
            String xml = model.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            var matcher = expression.matcher(xml);
            while (matcher.find()) {
                referenced.add(matcher.group(1));
            }
        }
        // What remains are process variables the models read (set by the steps above), and the execution itself.
        referenced.removeAll(byName());
        assertThat(referenced).containsExactlyInAnyOrder("execution", "approved", "drifted", "firstApproverGroup",
                "needsSecondApproval", "noChanges", "preApproved", "secondApproverGroup", "needsReview",
                "confirmed", "noticeEndsAt");
    }

    /** What the application and the other auto-configurations would have brought. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AtlassianProperties.class)
    static class Surroundings {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper();
        }

        @Bean
        ProcessEngine processEngine() {
            return mock(ProcessEngine.class);
        }

        @Bean
        PlatformTransactionManager transactionManager() {
            return mock(PlatformTransactionManager.class);
        }

        @Bean
        RequestRepository requestRepository() {
            return mock(RequestRepository.class);
        }

        @Bean
        ReconciliationRepository reconciliationRepository() {
            return mock(ReconciliationRepository.class);
        }

        @Bean
        NamedParameterJdbcTemplate jdbc() {
            return mock(NamedParameterJdbcTemplate.class);
        }

        @Bean
        AtlassianHttpTransport transport() {
            AtlassianHttpTransport transport = mock(AtlassianHttpTransport.class);
            when(transport.json()).thenReturn(new ObjectMapper());
            return transport;
        }

        @Bean
        OrganizationsClient organizationsClient() {
            return mock(OrganizationsClient.class);
        }

        @Bean
        UserManagementClient userManagementClient() {
            return mock(UserManagementClient.class);
        }
    }
}
