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
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.batch.BatchEngine;
import io.github.atlassianlifecycle.batch.BatchOrigins;
import io.github.atlassianlifecycle.batch.BatchRepository;
import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.lifecycle.operation.ApiTokenRevocation;
import io.github.atlassianlifecycle.lifecycle.operation.OperationRunner;
import io.github.atlassianlifecycle.process.operation.OperationDelegate;
import io.github.atlassianlifecycle.process.operation.OperationDelegateRegistrar;
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
import io.github.atlassianlifecycle.ops.LifecycleEvents;
import io.github.atlassianlifecycle.ops.WaitingRequests;
import io.github.atlassianlifecycle.lifecycle.apply.ReadBack;
import io.github.atlassianlifecycle.process.decisions.ApprovalTaskListener;
import io.github.atlassianlifecycle.process.decisions.BatchApprovalTaskListener;
import io.github.atlassianlifecycle.process.decisions.RemindApproversDelegate;
import io.github.atlassianlifecycle.process.decisions.ResolveFailureListener;
import io.github.atlassianlifecycle.process.engine.LifecycleAuthorizations;
import io.github.atlassianlifecycle.process.engine.LifecycleEngineRequirements;
import io.github.atlassianlifecycle.process.engine.LifecycleGroupIdsPlugin;
import io.github.atlassianlifecycle.process.engine.LifecycleModelDeployer;
import io.github.atlassianlifecycle.process.engine.RateLimitAwareRetriesPlugin;
import io.github.atlassianlifecycle.process.preview.CamundaRequestPreview;
import io.github.atlassianlifecycle.process.seal.RequestFingerprint;
import io.github.atlassianlifecycle.process.steps.ApplyPlanStepDelegate;
import io.github.atlassianlifecycle.process.steps.BatchLines;
import io.github.atlassianlifecycle.process.steps.CancelPendingDeletionDelegate;
import io.github.atlassianlifecycle.process.steps.PlanRequestDelegate;
import io.github.atlassianlifecycle.process.steps.RecheckDeletionDelegate;
import io.github.atlassianlifecycle.process.steps.RecheckPlanDelegate;
import io.github.atlassianlifecycle.process.steps.RouteApprovalDelegate;
import io.github.atlassianlifecycle.process.steps.StartBatchRowDelegate;
import io.github.atlassianlifecycle.process.steps.TakeSnapshotDelegate;
import io.github.atlassianlifecycle.process.steps.UndoDisableDelegate;
import io.github.atlassianlifecycle.process.steps.ValidateBatchDelegate;
import io.github.atlassianlifecycle.process.steps.ValidateRequestDelegate;
import io.github.atlassianlifecycle.process.steps.VerifyPlanDelegate;
import io.github.atlassianlifecycle.process.tracking.ApiCallRecorder;
import io.github.atlassianlifecycle.process.tracking.CamundaWaitingRequests;
import io.github.atlassianlifecycle.process.tracking.LifecycleEventsPlugin;
import io.github.atlassianlifecycle.process.tracking.CamundaBatchEngine;
import io.github.atlassianlifecycle.process.tracking.CamundaRequestEngine;
import io.github.atlassianlifecycle.process.tracking.RequestTrackingPlugin;
import io.github.atlassianlifecycle.request.RequestEngine;
import io.github.atlassianlifecycle.request.RequestOrigins;
import io.github.atlassianlifecycle.request.RequestPreview;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;
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

    // The names the models use for the beans below (one source: the @Bean and its back-off both read these).
    static final String LIFECYCLE_TIMERS = "lifecycleTimers";
    static final String VALIDATE_REQUEST = "validateLifecycleRequest";
    static final String PLAN_REQUEST = "planRequest";
    static final String ROUTE_APPROVAL = "routeApproval";
    static final String APPROVAL_TASK_LISTENER = "approvalTaskListener";
    static final String REMIND_APPROVERS = "remindApprovers";
    static final String RECHECK_PLAN = "recheckPlan";
    static final String RECHECK_DELETION = "recheckDeletion";
    static final String CANCEL_PENDING_DELETION = "cancelPendingDeletion";
    static final String TAKE_SNAPSHOT = "takeSnapshot";
    static final String APPLY_PLAN_STEP = "applyPlanStep";
    static final String VERIFY_PLAN = "verifyPlan";
    static final String UNDO_DISABLE = "undoDisable";
    static final String RESOLVE_FAILURE_LISTENER = "resolveFailureListener";
    static final String VALIDATE_BATCH = "validateBatch";
    static final String BATCH_APPROVAL_TASK_LISTENER = "batchApprovalTaskListener";
    static final String BATCH_LINES = "batchLines";
    static final String START_BATCH_ROW = "startBatchRow";
    static final String OPERATION_RUNNER = "atlassianOperationRunner";

    // --- engine plugins ---------------------------------------------------------------------------------------

    /** What the plugin needs of any host's engine: checked (or, where the host left it unset, set) at startup. */
    @Bean
    @ConditionalOnMissingBean
    LifecycleEngineRequirements lifecycleEngineRequirements(Environment environment, AtlassianProperties properties) {
        return new LifecycleEngineRequirements(LifecycleEngineRequirements.historicInstancePermissionsSetBy(environment),
                properties.longestCall());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "atlassian.deployment", name = "enabled", matchIfMissing = true)
    LifecycleModelDeployer lifecycleModelDeployer() {
        return new LifecycleModelDeployer();
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitAwareRetriesPlugin rateLimitAwareRetriesPlugin(Clock clock, ObjectProvider<LifecycleEvents> events) {
        return new RateLimitAwareRetriesPlugin(clock, events.getIfAvailable(() -> LifecycleEvents.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "atlassian.security", name = "create-authorizations", matchIfMissing = true)
    LifecycleAuthorizations lifecycleAuthorizations() {
        return new LifecycleAuthorizations();
    }

    @Bean
    @ConditionalOnMissingBean
    LifecycleGroupIdsPlugin lifecycleGroupIdsPlugin() {
        return new LifecycleGroupIdsPlugin();
    }

    // --- requests: tracked in the request store, with every API call on record ----------------------------

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    RequestTrackingPlugin requestTrackingPlugin(RequestRepository repository, Clock clock) {
        return new RequestTrackingPlugin(repository, clock);
    }

    /** Tells the metrics (a {@link LifecycleEvents} bean, from the operations auto-configuration) what requests do. */
    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    LifecycleEventsPlugin lifecycleEventsPlugin(ObjectProvider<LifecycleEvents> events, RequestRepository repository,
            Clock clock) {
        return new LifecycleEventsPlugin(events.getIfAvailable(() -> LifecycleEvents.NONE), repository, clock);
    }

    /** The engine's side of the open-requests gauge. */
    @Bean
    @ConditionalOnMissingBean
    WaitingRequests camundaWaitingRequests(ProcessEngine engine) {
        return new CamundaWaitingRequests(engine);
    }

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
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
    RequestEngine requestEngine(ProcessEngine engine) {
        return new CamundaRequestEngine(engine);
    }

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    RequestPreview requestPreview(ProcessEngine engine, RequestPlanner planner) {
        return new CamundaRequestPreview(engine, planner);
    }

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    RequestService requestService(RequestEngine engine, RequestPreview preview, RequestRepository repository,
            PlatformTransactionManager transactions, Clock clock, ObjectProvider<BatchRepository> batches) {
        BatchRepository batchStore = batches.getIfAvailable();
        return new RequestService(engine, preview, repository, new TransactionTemplate(transactions), clock,
                batchStore == null ? RequestOrigins.NONE : new BatchOrigins(batchStore));
    }

    // --- bulk requests: batches beside the requests, in the same store ---------------------------------------

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    BatchRepository batchRepository(NamedParameterJdbcTemplate jdbc) {
        return new BatchRepository(jdbc);
    }

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    BatchEngine batchEngine(ProcessEngine engine) {
        return new CamundaBatchEngine(engine);
    }

    @Bean
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean
    BatchService batchService(BatchRepository batches, BatchEngine engine, RequestService requests,
            RequestRepository repository, PlatformTransactionManager transactions, Clock clock) {
        return new BatchService(batches, engine, requests, repository, new TransactionTemplate(transactions), clock);
    }

    @Bean(VALIDATE_BATCH)
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean(name = VALIDATE_BATCH)
    ValidateBatchDelegate validateBatch(BatchService batches) {
        return new ValidateBatchDelegate(batches);
    }

    @Bean(BATCH_APPROVAL_TASK_LISTENER)
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean(name = BATCH_APPROVAL_TASK_LISTENER)
    BatchApprovalTaskListener batchApprovalTaskListener(BatchService batches) {
        return new BatchApprovalTaskListener(batches);
    }

    @Bean(BATCH_LINES)
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean(name = BATCH_LINES)
    BatchLines batchLines(BatchService batches) {
        return new BatchLines(batches);
    }

    @Bean(START_BATCH_ROW)
    @ConditionalOnBean(RequestRepository.class)
    @ConditionalOnMissingBean(name = START_BATCH_ROW)
    StartBatchRowDelegate startBatchRow(BatchService batches, PlatformTransactionManager transactions) {
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new StartBatchRowDelegate(batches, separate);
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
            ObjectProvider<ConfluenceClient> confluence, ObjectProvider<BitbucketClient> bitbucket, Clock clock) {
        return new PlanExecutor(organizations, userManagement, optional(scim), optional(jira), optional(confluence),
                optional(bitbucket), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ReadBack readBack(OrganizationsClient organizations, UserManagementClient userManagement,
            ObjectProvider<ScimClient> scim, ObjectProvider<JiraClient> jira,
            ObjectProvider<ConfluenceClient> confluence) {
        return new ReadBack(organizations, userManagement, optional(scim), optional(jira), optional(confluence));
    }

    @Bean
    @ConditionalOnMissingBean
    ApiTokenRevocation apiTokenRevocation(UserManagementClient userManagement) {
        return new ApiTokenRevocation(userManagement);
    }

    /** The one runner of the reusable operations: the templates' delegates and the Connect connector both use it. */
    @Bean(OPERATION_RUNNER)
    @ConditionalOnMissingBean
    OperationRunner atlassianOperationRunner(AccountInspector inspector, RequestPlanner planner, PlanExecutor executor,
            ApiTokenRevocation tokens) {
        return new OperationRunner(inspector, planner, executor, tokens);
    }

    /** One delegate bean per reusable operation ({@code ${atlassianSuspend}}, ...): see {@link OperationDelegate}. */
    @Bean
    static OperationDelegateRegistrar operationDelegateRegistrar() {
        return new OperationDelegateRegistrar(OPERATION_RUNNER);
    }

    // --- what the models name ------------------------------------------------------------------------------

    @Bean(LIFECYCLE_TIMERS)
    @ConditionalOnMissingBean(name = LIFECYCLE_TIMERS)
    LifecycleTimers lifecycleTimers(AtlassianProperties properties) {
        AtlassianProperties.Lifecycle lifecycle = properties.getLifecycle();
        return new LifecycleTimers(lifecycle.getApprovalReminderAfter(), lifecycle.getApprovalEscalateAfter(),
                lifecycle.getApprovalExpireAfter(), lifecycle.getDeleteGracePeriod(), lifecycle.getRetryCycle());
    }

    @Bean(VALIDATE_REQUEST)
    @ConditionalOnMissingBean(name = VALIDATE_REQUEST)
    ValidateRequestDelegate validateLifecycleRequest(ObjectMapper json) {
        return new ValidateRequestDelegate(json);
    }

    @Bean(PLAN_REQUEST)
    @ConditionalOnMissingBean(name = PLAN_REQUEST)
    PlanRequestDelegate planRequest(RequestPlanner planner) {
        return new PlanRequestDelegate(planner);
    }

    @Bean(ROUTE_APPROVAL)
    @ConditionalOnMissingBean(name = ROUTE_APPROVAL)
    RouteApprovalDelegate routeApproval(Clock clock) {
        return new RouteApprovalDelegate(clock);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestFingerprint requestFingerprint() {
        return new RequestFingerprint();
    }

    @Bean(APPROVAL_TASK_LISTENER)
    @ConditionalOnMissingBean(name = APPROVAL_TASK_LISTENER)
    ApprovalTaskListener approvalTaskListener(Clock clock) {
        return new ApprovalTaskListener(clock);
    }

    @Bean(REMIND_APPROVERS)
    @ConditionalOnMissingBean(name = REMIND_APPROVERS)
    RemindApproversDelegate remindApprovers() {
        return new RemindApproversDelegate();
    }

    @Bean(RECHECK_PLAN)
    @ConditionalOnMissingBean(name = RECHECK_PLAN)
    RecheckPlanDelegate recheckPlan(RequestPlanner planner) {
        return new RecheckPlanDelegate(planner);
    }

    @Bean(RECHECK_DELETION)
    @ConditionalOnMissingBean(name = RECHECK_DELETION)
    RecheckDeletionDelegate recheckDeletion(RequestPlanner planner) {
        return new RecheckDeletionDelegate(planner);
    }

    @Bean(CANCEL_PENDING_DELETION)
    @ConditionalOnMissingBean(name = CANCEL_PENDING_DELETION)
    CancelPendingDeletionDelegate cancelPendingDeletion() {
        return new CancelPendingDeletionDelegate();
    }

    @Bean(TAKE_SNAPSHOT)
    @ConditionalOnMissingBean(name = TAKE_SNAPSHOT)
    TakeSnapshotDelegate takeSnapshot(Clock clock) {
        return new TakeSnapshotDelegate(clock);
    }

    @Bean(APPLY_PLAN_STEP)
    @ConditionalOnMissingBean(name = APPLY_PLAN_STEP)
    ApplyPlanStepDelegate applyPlanStep(PlanExecutor executor) {
        return new ApplyPlanStepDelegate(executor);
    }

    @Bean(VERIFY_PLAN)
    @ConditionalOnMissingBean(name = VERIFY_PLAN)
    VerifyPlanDelegate verifyPlan(ReadBack readBack) {
        return new VerifyPlanDelegate(readBack);
    }

    @Bean(UNDO_DISABLE)
    @ConditionalOnMissingBean(name = UNDO_DISABLE)
    UndoDisableDelegate undoDisable(RequestPlanner planner, PlanExecutor executor) {
        return new UndoDisableDelegate(planner, executor);
    }

    @Bean(RESOLVE_FAILURE_LISTENER)
    @ConditionalOnMissingBean(name = RESOLVE_FAILURE_LISTENER)
    ResolveFailureListener resolveFailureListener(Clock clock) {
        return new ResolveFailureListener(clock);
    }

    private static <T> java.util.Optional<T> optional(ObjectProvider<T> provider) {
        return java.util.Optional.ofNullable(provider.getIfAvailable());
    }
}
