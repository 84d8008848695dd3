package io.github.atlassianlifecycle.process;

import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.config.AtlassianProperties;
import io.github.atlassianlifecycle.lifecycle.reconcile.KeptAccess;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconcilerFactory;
import io.github.atlassianlifecycle.process.reconcile.BeginReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.CamundaReconciliationEngine;
import io.github.atlassianlifecycle.process.reconcile.ClassifyReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.FinishReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.ReadReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.ReconcileSchedule;
import io.github.atlassianlifecycle.process.reconcile.ReviewTaskListener;
import io.github.atlassianlifecycle.process.reconcile.StartNightlyReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.StartReconciliationRequestsDelegate;
import io.github.atlassianlifecycle.reconciliation.ReconciliationEngine;
import io.github.atlassianlifecycle.reconciliation.ReconciliationRepository;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.reconciliation.ReconciliationStoreAutoConfiguration;
import io.github.atlassianlifecycle.request.RequestService;

/**
 * The Camunda side of {@code account-reconcile}: the beans its model names (one name each, declared here) and its
 * rules over the reconciliation store. The schedule and the nightly start are always there, since the engine reads
 * the timer's cron when the models are deployed; the rest needs the store. Who kept their access in an inactivity
 * campaign ({@link KeptAccess}) comes from the campaign store when there is one.
 */
@AutoConfiguration(after = { LifecycleProcessAutoConfiguration.class, ReconciliationStoreAutoConfiguration.class })
@ConditionalOnClass(ProcessEngine.class)
public class ReconcileProcessAutoConfiguration {

    static final String RECONCILE_SCHEDULE = "reconcileSchedule";
    static final String BEGIN = "beginReconciliation";
    static final String READ = "readReconciliation";
    static final String CLASSIFY = "classifyReconciliation";
    static final String START_REQUESTS = "startReconciliationRequests";
    static final String FINISH = "finishReconciliation";
    static final String FAIL = "failReconciliation";
    static final String REVIEW_LISTENER = "reconcileReviewListener";
    static final String START_NIGHTLY = "startNightlyReconciliation";

    @Bean(RECONCILE_SCHEDULE)
    @ConditionalOnMissingBean(name = RECONCILE_SCHEDULE)
    ReconcileSchedule reconcileSchedule(AtlassianProperties properties) {
        return new ReconcileSchedule(properties.getReconcile().getCron());
    }

    @Bean(START_NIGHTLY)
    @ConditionalOnMissingBean(name = START_NIGHTLY)
    StartNightlyReconciliationDelegate startNightlyReconciliation() {
        return new StartNightlyReconciliationDelegate();
    }

    @Bean
    @ConditionalOnMissingBean
    ReconcilerFactory reconcilerFactory(OrganizationsClient organizations, ObjectProvider<JiraClient> jira,
            ObjectProvider<ConfluenceClient> confluence, ObjectProvider<BitbucketClient> bitbucket,
            ObjectProvider<KeptAccess> kept, AtlassianProperties properties, Clock clock) {
        return new ReconcilerFactory(organizations, Optional.ofNullable(jira.getIfAvailable()),
                Optional.ofNullable(confluence.getIfAvailable()), Optional.ofNullable(bitbucket.getIfAvailable()),
                properties.getReconcile().settings(), kept.getIfAvailable(() -> KeptAccess.NONE), clock);
    }

    @Bean
    @ConditionalOnBean({ ReconciliationRepository.class, RequestService.class })
    @ConditionalOnMissingBean
    ReconciliationService reconciliationService(ReconciliationRepository repository, ReconcilerFactory reconcilers,
            RequestService requests, Clock clock) {
        return new ReconciliationService(repository, reconcilers::create, requests, clock);
    }

    @Bean
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean
    ReconciliationEngine reconciliationEngine(ProcessEngine engine) {
        return new CamundaReconciliationEngine(engine);
    }

    @Bean(BEGIN)
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean(name = BEGIN)
    BeginReconciliationDelegate beginReconciliation(ReconciliationService service) {
        return new BeginReconciliationDelegate(service);
    }

    @Bean(READ)
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean(name = READ)
    ReadReconciliationDelegate readReconciliation(ReconciliationService service) {
        return new ReadReconciliationDelegate(service);
    }

    @Bean(CLASSIFY)
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean(name = CLASSIFY)
    ClassifyReconciliationDelegate classifyReconciliation(ReconciliationService service) {
        return new ClassifyReconciliationDelegate(service);
    }

    @Bean(START_REQUESTS)
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean(name = START_REQUESTS)
    StartReconciliationRequestsDelegate startReconciliationRequests(ReconciliationService service) {
        return new StartReconciliationRequestsDelegate(service);
    }

    @Bean(FINISH)
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean(name = FINISH)
    FinishReconciliationDelegate finishReconciliation(ReconciliationService service) {
        return new FinishReconciliationDelegate(service, false);
    }

    @Bean(FAIL)
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean(name = FAIL)
    FinishReconciliationDelegate failReconciliation(ReconciliationService service) {
        return new FinishReconciliationDelegate(service, true);
    }

    @Bean(REVIEW_LISTENER)
    @ConditionalOnBean(ReconciliationService.class)
    @ConditionalOnMissingBean(name = REVIEW_LISTENER)
    ReviewTaskListener reconcileReviewListener(ReconciliationService service,
            ObjectProvider<CampaignService> campaigns) {
        // Asked at each review: the campaign rules are made after this listener.
        return new ReviewTaskListener(service, () -> {
            CampaignService available = campaigns.getIfAvailable();
            return available != null && available.available();
        });
    }
}
