package io.github.atlassianlifecycle.process;

import java.time.Clock;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.config.AtlassianClientAutoConfiguration;
import io.github.atlassianlifecycle.config.AtlassianProperties;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStoreAutoConfiguration;

/**
 * The Camunda side: the delegates and listeners the models name (by bean name, so designers see readable
 * expressions such as {@code ${applyPlanStep}}), and the engine plugins. Every Camunda type this project touches is
 * registered here. (Camunda's starter registers the Connect and Spin engine plugins itself when they are on the
 * class path.)
 */
@AutoConfiguration(after = { AtlassianClientAutoConfiguration.class, RequestStoreAutoConfiguration.class })
@ConditionalOnClass(ProcessEngine.class)
public class LifecycleProcessAutoConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "atlassian.deployment", name = "enabled", matchIfMissing = true)
    LifecycleModelDeployer lifecycleModelDeployer() {
        return new LifecycleModelDeployer();
    }

    @Bean
    RateLimitAwareRetriesPlugin rateLimitAwareRetriesPlugin() {
        return new RateLimitAwareRetriesPlugin(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "atlassian.security", name = "create-authorizations", matchIfMissing = true)
    LifecycleAuthorizations lifecycleAuthorizations() {
        return new LifecycleAuthorizations();
    }

    @Bean
    LifecycleGroupIdsPlugin lifecycleGroupIdsPlugin() {
        return new LifecycleGroupIdsPlugin();
    }

    // --- requests: tracked in the request store, with every API call on record ----------------------------

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    RequestTrackingPlugin requestTrackingPlugin(RequestRepository repository) {
        return new RequestTrackingPlugin(repository, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    ApiCallRecorder apiCallRecorder(RequestRepository repository, PlatformTransactionManager transactions,
            AtlassianHttpTransport transport) {
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ApiCallRecorder recorder = new ApiCallRecorder(repository, separate);
        transport.addListener(recorder);
        return recorder;
    }

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    RequestProcesses requestProcesses(ProcessEngine engine, RequestRepository repository,
            PlatformTransactionManager transactions) {
        return new RequestProcesses(engine, repository, new TransactionTemplate(transactions), Clock.systemUTC());
    }

    // --- the lifecycle domain ------------------------------------------------------------------------------

    @Bean
    @ConditionalOnMissingBean
    LifecyclePolicy lifecyclePolicy(AtlassianProperties properties) {
        return properties.getLifecycle().policy();
    }

    @Bean
    @ConditionalOnMissingBean
    AccountInspector accountInspector(OrganizationsClient organizations, UserManagementClient userManagement,
            ObjectProvider<ScimClient> scim, ObjectProvider<JiraClient> jira, ObjectProvider<ConfluenceClient> confluence) {
        return new AccountInspector(organizations, userManagement, optional(scim), optional(jira), optional(confluence));
    }

    @Bean
    @ConditionalOnMissingBean
    GroupResolver groupResolver(OrganizationsClient organizations, ObjectProvider<JiraClient> jira,
            ObjectProvider<ConfluenceClient> confluence) {
        return new GroupResolver(organizations, optional(jira), optional(confluence));
    }

    @Bean
    @ConditionalOnMissingBean
    RequestPlanner requestPlanner(AccountInspector inspector, GroupResolver groups, LifecyclePolicy policy) {
        return new RequestPlanner(inspector, groups, policy);
    }

    @Bean
    @ConditionalOnMissingBean
    PlanExecutor planExecutor(OrganizationsClient organizations, UserManagementClient userManagement,
            ObjectProvider<ScimClient> scim, ObjectProvider<JiraClient> jira,
            ObjectProvider<ConfluenceClient> confluence) {
        return new PlanExecutor(organizations, userManagement, optional(scim), optional(jira), optional(confluence),
                Clock.systemUTC());
    }

    // --- what the models name ------------------------------------------------------------------------------

    @Bean("lifecycleTimers")
    LifecycleTimers lifecycleTimers(AtlassianProperties properties) {
        AtlassianProperties.Lifecycle lifecycle = properties.getLifecycle();
        return new LifecycleTimers(lifecycle.getApprovalReminderAfter(), lifecycle.getApprovalExpireAfter(),
                lifecycle.getDeleteGracePeriod());
    }

    @Bean("validateLifecycleRequest")
    ValidateRequestDelegate validateLifecycleRequest(ObjectMapper json) {
        return new ValidateRequestDelegate(json);
    }

    @Bean("planRequest")
    PlanRequestDelegate planRequest(RequestPlanner planner) {
        return new PlanRequestDelegate(planner);
    }

    @Bean("routeApproval")
    RouteApprovalDelegate routeApproval() {
        return new RouteApprovalDelegate(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    RequestFingerprint requestFingerprint() {
        return new RequestFingerprint();
    }

    @Bean("approvalTaskListener")
    ApprovalTaskListener approvalTaskListener() {
        return new ApprovalTaskListener(Clock.systemUTC());
    }

    @Bean("remindApprovers")
    RemindApproversDelegate remindApprovers() {
        return new RemindApproversDelegate();
    }

    @Bean("recheckPlan")
    RecheckPlanDelegate recheckPlan(RequestPlanner planner) {
        return new RecheckPlanDelegate(planner);
    }

    @Bean("recheckDeletion")
    RecheckDeletionDelegate recheckDeletion(RequestPlanner planner) {
        return new RecheckDeletionDelegate(planner);
    }

    @Bean("cancelPendingDeletion")
    CancelPendingDeletionDelegate cancelPendingDeletion() {
        return new CancelPendingDeletionDelegate();
    }

    @Bean("takeSnapshot")
    TakeSnapshotDelegate takeSnapshot(RequestPlanner planner) {
        return new TakeSnapshotDelegate(planner, Clock.systemUTC());
    }

    @Bean("applyPlanStep")
    ApplyPlanStepDelegate applyPlanStep(PlanExecutor executor) {
        return new ApplyPlanStepDelegate(executor);
    }

    @Bean("verifyPlan")
    VerifyPlanDelegate verifyPlan(RequestPlanner planner) {
        return new VerifyPlanDelegate(planner);
    }

    @Bean("undoDisable")
    UndoDisableDelegate undoDisable(RequestPlanner planner, PlanExecutor executor) {
        return new UndoDisableDelegate(planner, executor);
    }

    @Bean("resolveFailureListener")
    ResolveFailureListener resolveFailureListener() {
        return new ResolveFailureListener(Clock.systemUTC());
    }

    private static <T> java.util.Optional<T> optional(ObjectProvider<T> provider) {
        return java.util.Optional.ofNullable(provider.getIfAvailable());
    }
}
