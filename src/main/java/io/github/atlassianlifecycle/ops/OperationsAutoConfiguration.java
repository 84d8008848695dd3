package io.github.atlassianlifecycle.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.config.AtlassianClientAutoConfiguration;
import io.github.atlassianlifecycle.config.AtlassianProperties;
import io.github.atlassianlifecycle.ops.health.ApiProbes;
import io.github.atlassianlifecycle.ops.health.AtlassianApiHealth;
import io.github.atlassianlifecycle.ops.metrics.ApiCallMeters;
import io.github.atlassianlifecycle.ops.metrics.LifecycleMeters;
import io.github.atlassianlifecycle.ops.metrics.MeterNames;
import io.github.atlassianlifecycle.ops.metrics.OpenRequestsGauge;
import io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStoreAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators see, when the host has Spring Boot Actuator: the lifecycle's meters in the host's
 * {@link MeterRegistry} (Prometheus in the application), and one health indicator per configured Atlassian API
 * family under {@code atlassian}. The database and the job executor have their own indicators already (Spring Boot's
 * {@code db}, Camunda's {@code jobExecutor} and {@code processEngine}).
 */
@AutoConfiguration(after = { AtlassianClientAutoConfiguration.class, RequestStoreAutoConfiguration.class,
        LifecycleProcessAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class })
public class OperationsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        LifecycleEvents lifecycleMeters(MeterRegistry registry) {
            return new LifecycleMeters(registry);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(AtlassianHttpTransport.class)
        ApiCallMeters apiCallMeters(MeterRegistry registry, AtlassianHttpTransport transport) {
            ApiCallMeters meters = new ApiCallMeters(registry);
            transport.addListener(meters);
            return meters;
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({ RequestRepository.class, WaitingRequests.class })
        OpenRequestsGauge openRequestsGauge(MeterRegistry registry, RequestRepository repository,
                WaitingRequests waiting, Clock clock) {
            OpenRequestsGauge gauge = new OpenRequestsGauge(repository::countOpen, waiting, clock);
            gauge.bindTo(registry);
            return gauge;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthContributor.class)
    @ConditionalOnBean(AtlassianProperties.class)
    @ConditionalOnProperty(prefix = "atlassian.health", name = "enabled", matchIfMissing = true)
    static class Health {

        /** Named {@code atlassian} on {@code /actuator/health}, one component per family (e.g. {@code atlassian/jira}). */
        @Bean
        @ConditionalOnMissingBean(name = "atlassianHealthContributor")
        HealthContributor atlassianHealthContributor(AtlassianProperties properties, Clock clock,
                ObjectProvider<OrganizationsClient> organizations, ObjectProvider<ScimClient> scim,
                ObjectProvider<JiraClient> jira, ObjectProvider<ConfluenceClient> confluence,
                ObjectProvider<BitbucketClient> bitbucket) {
            Duration cacheFor = properties.getHealth().getCacheFor();
            Map<String, HealthIndicator> families = new LinkedHashMap<>();
            organizations.ifAvailable(client -> put(families, ApiFamily.ORGANIZATIONS, ApiProbes.organizations(client),
                    cacheFor, clock));
            scim.ifAvailable(client -> put(families, ApiFamily.SCIM, ApiProbes.scim(client), cacheFor, clock));
            jira.ifAvailable(client -> put(families, ApiFamily.JIRA, ApiProbes.jira(client), cacheFor, clock));
            confluence.ifAvailable(client -> put(families, ApiFamily.CONFLUENCE, ApiProbes.confluence(client),
                    cacheFor, clock));
            bitbucket.ifAvailable(client -> put(families, ApiFamily.BITBUCKET, ApiProbes.bitbucket(client), cacheFor,
                    clock));
            return CompositeHealthContributor.fromMap(families);
        }

        private static void put(Map<String, HealthIndicator> families, ApiFamily family, Runnable probe,
                Duration cacheFor, Clock clock) {
            families.put(MeterNames.tag(family), new AtlassianApiHealth(family, probe, cacheFor, clock));
        }
    }
}
