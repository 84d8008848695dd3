package io.github.atlassianlifecycle.api;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.client.transport.UserAgent;
import io.github.atlassianlifecycle.config.AtlassianProperties;
import io.github.atlassianlifecycle.process.CampaignProcessAutoConfiguration;
import io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration;
import io.github.atlassianlifecycle.process.ReconcileProcessAutoConfiguration;
import io.github.atlassianlifecycle.reconciliation.ReconciliationEngine;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.github.atlassianlifecycle.api.campaign.CampaignController;
import io.github.atlassianlifecycle.api.campaign.KeepLinkLogGuard;
import io.github.atlassianlifecycle.api.campaign.KeepLinkMask;
import io.github.atlassianlifecycle.api.request.RequestController;
import io.github.atlassianlifecycle.api.reconciliation.ReconciliationController;
import io.github.atlassianlifecycle.api.batch.BulkController;

/**
 * The request API under {@code /api/requests} (bulk requests and their batches, {@code /api/batches}, too; and
 * reconciliations, {@code /api/reconciliations}), described for OpenAPI at {@code /v3/api-docs}.
 */
@AutoConfiguration(after = { LifecycleProcessAutoConfiguration.class, ReconcileProcessAutoConfiguration.class,
        CampaignProcessAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(RequestService.class)
@ConditionalOnProperty(prefix = "atlassian.api", name = "enabled", matchIfMissing = true)
public class RequestApiAutoConfiguration {

    static final String QUERY_PARAMETERS = "requestApiQueryParameters";

    @Bean
    @ConditionalOnMissingBean
    RequestController requestController(RequestService requests, RequestRepository repository) {
        return new RequestController(requests, repository);
    }

    /** With the reconciliation rules (the reconciliation store is there): {@code /api/reconciliations}. */
    @Bean
    @ConditionalOnBean({ ReconciliationService.class, ReconciliationEngine.class })
    @ConditionalOnMissingBean
    ReconciliationController reconciliationController(ReconciliationService reconciliations,
            ReconciliationEngine engine) {
        return new ReconciliationController(reconciliations, engine);
    }

    /** With the campaign rules: {@code /api/campaigns}, and the keep link. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CampaignService.class)
    CampaignController campaignController(CampaignService campaigns) {
        return new CampaignController(campaigns);
    }

    /**
     * Drops any log line that would show a keep link's token (the container logs the raw request before any filter
     * runs), for as long as the application runs; only where Logback is the logging system.
     */
    @Bean
    @ConditionalOnBean(CampaignService.class)
    @ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
    @ConditionalOnMissingBean(name = "keepLinkLogGuard")
    SmartLifecycle keepLinkLogGuard() {
        return new SmartLifecycle() {
            private final KeepLinkLogGuard guard = new KeepLinkLogGuard();
            private volatile boolean running;

            @Override
            public void start() {
                if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
                    guard.setContext(logs);
                    guard.start();
                    logs.addTurboFilter(guard);
                }
                running = true;
            }

            @Override
            public void stop() {
                if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
                    logs.getTurboFilterList().remove(guard);
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE; // before the web server takes requests, after it stopped
            }
        };
    }

    /** Takes a keep link's token out of its path before anything that logs paths sees the request. */
    @Bean
    @ConditionalOnBean(CampaignService.class)
    @ConditionalOnMissingBean(name = "keepLinkMask")
    FilterRegistrationBean<KeepLinkMask> keepLinkMask() {
        FilterRegistrationBean<KeepLinkMask> registration = new FilterRegistrationBean<>(new KeepLinkMask());
        registration.addUrlPatterns(CampaignService.KEEP_PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(BatchService.class)
    BulkController bulkController(BatchService batches, RequestService requests, AtlassianProperties properties) {
        return new BulkController(batches, requests, properties.getBulk().getMaxRows());
    }

    @Bean
    @ConditionalOnMissingBean
    Problems requestApiProblems(Clock clock) {
        return new Problems(clock);
    }

    /**
     * Every endpoint of the request API refuses query parameters it does not take (a mistyped flag must never be
     * ignored while a real change is made); the rest of the application is left alone.
     */
    @Bean(QUERY_PARAMETERS)
    @ConditionalOnMissingBean(name = QUERY_PARAMETERS)
    WebMvcConfigurer requestApiQueryParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // A keep link is followed as a mail client hands it over, which may add tracking parameters: its pages
                // ignore the query (they take a button's POST, nothing else).
                registry.addInterceptor(new QueryParameters()).addPathPatterns(RequestController.BASE,
                        RequestController.BASE + "/**", BulkController.BATCHES, BulkController.BATCHES + "/**",
                        CampaignController.BASE, CampaignController.BASE + "/**")
                        .excludePathPatterns(CampaignService.KEEP_PATH + "*");
            }
        };
    }

    /**
     * The description of the request API. An application with an OpenAPI description of its own keeps it (springdoc
     * takes one base document): the request API's operations still appear in it.
     */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI lifecycleOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Atlassian account lifecycle — request API").version(UserAgent.version())
                        .description("Ask for an Atlassian account to be added, disabled, enabled or deleted; follow "
                                + "the request through approval to the end; fetch its evidence. Errors are RFC 9457 "
                                + "problem details."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Camunda user (the identity service checks the password)")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
