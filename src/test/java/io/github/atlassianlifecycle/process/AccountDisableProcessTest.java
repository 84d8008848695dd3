package io.github.atlassianlifecycle.process;

import static io.github.atlassianlifecycle.process.FakeAtlassian.ACCOUNT;
import static io.github.atlassianlifecycle.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.RemindApproversDelegate;

@Deployment(resources = { "atlassian-lifecycle/account-disable.bpmn", "atlassian-lifecycle/approval-routing.dmn",
        "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
class AccountDisableProcessTest extends LifecycleModelContract {

    static final String KEY = "account-disable";
    static final String TWO_APPROVALS = "routing/approval-routing-two-approvals.dmn";

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(ProcessTestSupport.ENGINE_CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

    FakeAtlassian atlassian = new FakeAtlassian();
    ProcessTestSupport process;

    @BeforeEach
    void setUp() {
        atlassian.registerBeans();
        process = new ProcessTestSupport(extension.getProcessEngine());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    // --- the happy path ------------------------------------------------------------------------------------

    @Test
    void an_approved_disable_deactivates_the_account_after_a_snapshot_and_ends_completed() {
        ProcessInstance instance = start();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-approvers");
        assertThat((String) process.variable(instance, "planText")).contains("User management — deactivate");

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder("snapshot", "deactivate", "release-seats", "verify", "end-disabled");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.DEACTIVATE);
        assertThat(String.valueOf(process.variable(instance, "snapshot"))).contains("jira-software-users", "confluence-users");
        assertThat(process.approvals(instance)).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo("approver");
            assertThat(approval.approved()).isTrue();
            assertThat(approval.planHash()).isEqualTo(process.variable(instance, "planHash"));
        });
        assertThat((String) process.variable(instance, "appliedCalls")).contains("APPLIED");
    }

    @Test
    void a_scim_managed_account_is_deactivated_through_scim_and_its_product_seats_are_released() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        ProcessInstance instance = start();
        process.runJobs(instance);
        assertThat((String) process.variable(instance, "planText")).contains("SCIM — set active=false", "Jira — remove from group");

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-disabled");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.SCIM_DEACTIVATE,
                Operation.REMOVE_JIRA_GROUP, Operation.REMOVE_CONFLUENCE_GROUP);
        assertThat(atlassian.account.jiraGroups()).isEmpty();
    }

    @Test
    void an_unmanaged_account_has_its_organization_access_suspended() {
        atlassian.account = FakeAtlassian.active(ManagedBy.UNMANAGED);
        ProcessInstance instance = start();
        process.runJobs(instance);
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-disabled");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.SUSPEND);
        assertThat(atlassian.account.membershipStatus()).isEqualTo("suspended");
    }

    @Test
    void an_account_already_disabled_needs_no_approval_and_ends_completed() {
        atlassian.account = atlassian.with("inactive", "active", List.of(), List.of());
        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-nothing-to-do");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void a_termination_from_automation_is_pre_approved_by_policy() {
        ProcessInstance instance = process.startAs("hr-system", List.of("lifecycle-automation"), KEY,
                request("TERMINATION"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-disabled").hasNotPassed("approve");
        assertThat(process.approvals(instance)).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo(Approval.POLICY);
            assertThat(approval.comment()).contains("termination or security incident");
        });
    }

    @Test
    void a_pre_approved_disable_reads_the_account_once_and_snapshots_that_reading() {
        ProcessInstance instance = process.startAs("hr-system", List.of("lifecycle-automation"), KEY,
                request("TERMINATION"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-disabled", "recheck", "snapshot");
        // Planning read it; nothing waited, so neither the re-check nor the snapshot reads it again.
        verify(atlassian.inspector, times(1)).byAccountId(anyString(), any());
        assertThat(process.variable(instance, "drifted")).isEqualTo(false);
        assertThat(String.valueOf(process.variable(instance, "snapshot"))).contains(FakeAtlassian.JIRA_USERS.id(),
                FakeAtlassian.CONFLUENCE_USERS.id(), FakeAtlassian.ENGINEERING.id());
    }

    @Test
    void a_disable_that_waited_for_its_approval_reads_the_account_again_once() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-disabled");
        verify(atlassian.inspector, times(2)).byAccountId(anyString(), any());
    }

    @Test
    void automation_is_not_pre_approved_for_other_reasons() {
        ProcessInstance instance = process.startAs("hr-system", List.of("lifecycle-automation"), KEY, request("LEAVE"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void a_requester_not_in_automation_is_not_pre_approved_even_for_a_termination() {
        ProcessInstance instance = start();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
    }

    // --- rejection, reminders, expiry ----------------------------------------------------------------------

    @Test
    void a_rejected_disable_ends_rejected_and_changes_nothing() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", false, "comment", "wrong person"));

        assertThat(instance).isEnded().hasPassed("end-rejected");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(process.approvals(instance)).singleElement()
                .satisfies(approval -> assertThat(approval.comment()).isEqualTo("wrong person"));
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void an_approval_needs_a_decision() {
        ProcessInstance instance = startAndPlan();
        Task approval = task(instance);
        assertThatThrownBy(() -> process.completeAs("approver", approval, vars("approved", "maybe")))
                .hasMessageContaining("approved");
        assertThat(instance).isWaitingAt("approve");
    }

    // --- four eyes -----------------------------------------------------------------------------------------

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-disable.bpmn", TWO_APPROVALS,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void a_second_approval_is_by_someone_other_than_the_first_approver() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true, "comment", "ok"));
        assertThat(instance).isWaitingAt("approve-second");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-security");
        assertThat(taskService().getVariable(task(instance).getId(), "comment")).as("no comment carries over").isNull();

        Task second = task(instance);
        assertThatThrownBy(() -> process.completeAs("approver", second, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("already approved");
        assertThatThrownBy(() -> process.claimAs("approver", second)).hasRootCauseInstanceOf(AuthorizationException.class);

        process.completeAs("security", second, vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-disabled");
        assertThat(process.approvals(instance)).extracting(Approval::approver).containsExactly("approver", "security");
    }

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-disable.bpmn", TWO_APPROVALS,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void the_second_approver_can_reject() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", false, "comment", "not without a ticket"));

        assertThat(instance).isEnded().hasPassed("end-rejected-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-disable.bpmn", TWO_APPROVALS,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void a_second_approval_also_reminds_and_expires() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.fireTimer(instance, "approve-second-reminder");
        assertThat(instance).isWaitingAt("approve-second");
        assertThat(task(instance).getPriority()).isEqualTo(RemindApproversDelegate.REMINDED_PRIORITY);

        process.fireTimer(instance, "approve-second-expiry");
        assertThat(instance).isEnded().hasPassed("end-expired-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("expired");
    }

    // --- drift ---------------------------------------------------------------------------------------------

    @Test
    void an_account_that_changed_after_approval_goes_back_to_approval_with_the_new_plan() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        ProcessInstance instance = startAndPlan();
        String approvedHash = (String) process.variable(instance, "planHash");
        process.completeAs("approver", task(instance), vars("approved", true));

        // Meanwhile someone adds the account to another Jira group: the plan must release that seat too.
        atlassian.account = atlassian.with("active", "active",
                List.of(FakeAtlassian.JIRA_USERS, new GroupRef("j-2", "developers")), List.of(FakeAtlassian.CONFLUENCE_USERS));
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "drifted")).isEqualTo(true);
        assertThat(process.variable(instance, "planHash")).isNotEqualTo(approvedHash);
        assertThat((String) process.variable(instance, "planText")).contains("developers");
        assertThat(atlassian.applied).isEmpty();

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-disabled");
        assertThat(atlassian.applied).extracting(PlannedCall::target).anySatisfy(target -> assertThat(target).contains("developers"));
        assertThat(process.approvals(instance)).hasSize(2);
    }

    // --- failures ------------------------------------------------------------------------------------------

    static Stream<Arguments> businessErrors() {
        return Stream.of(Arguments.of(BusinessError.ACCOUNT_NOT_FOUND), Arguments.of(BusinessError.ACCOUNT_NOT_MANAGED),
                Arguments.of(BusinessError.MANAGED_BY_IDENTITY_PROVIDER), Arguments.of(BusinessError.NOT_ELIGIBLE),
                Arguments.of(BusinessError.LICENCE_LIMIT), Arguments.of(BusinessError.NOT_AUTHORIZED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("businessErrors")
    void a_refused_plan_goes_to_an_administrator_who_can_abort(BusinessError error) {
        atlassian.nextReadFailure = FakeAtlassian.refused(error);
        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(task(instance)).hasCandidateGroup("camunda-admin");
        assertThat(process.variable(instance, "failureCode")).isEqualTo(error.name());
        assertThat(process.variable(instance, "failedAt")).isEqualTo("plan");

        Task resolve = task(instance);
        assertThatThrownBy(() -> process.completeAs("demo", resolve, vars("resolution", "abort")))
                .hasMessageContaining("Say why");
        process.completeAs("demo", resolve, vars("resolution", "abort", "comment", "left already"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
    }

    @Test
    void a_refused_plan_can_be_retried_once_the_cause_is_fixed() {
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        ProcessInstance instance = start();
        process.runJobs(instance);
        Task resolve = task(instance);
        assertThatThrownBy(() -> process.completeAs("demo", resolve, vars("resolution", "skip", "comment", "x")))
                .hasMessageContaining("Nothing to skip");

        process.completeAs("demo", resolve, vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void a_refused_call_can_be_skipped_and_the_rest_of_the_plan_still_runs() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailureForTests(
                "2", BusinessError.NOT_ELIGIBLE).failure();
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("apply");
        assertThat(process.variable(instance, "failedCall")).isEqualTo("2");

        process.completeAs("demo", task(instance), vars("resolution", "skip", "comment", "group is IdP-synced"));
        // The skipped release stays undone; verification accepts exactly that call as left out.
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-disabled");
        assertThat((String) process.variable(instance, "resolutions")).as("the skip, on record")
                .contains("\"choice\":\"skip\"", "\"failedCall\":\"2\"");
        assertThat(process.variable(instance, "outcome")).isEqualTo("partially-applied");
        assertThat((String) process.variable(instance, "appliedCalls")).contains("SKIPPED");
    }

    @Test
    void a_refused_step_can_be_retried() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_ELIGIBLE);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-disabled");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
    }

    @Test
    void a_refused_re_check_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("recheck");

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-disabled");
    }

    @Test
    void an_account_that_does_not_read_back_as_planned_goes_to_an_administrator() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        // Atlassian answers 204 but the account stays active.
        org.mockito.Mockito.doAnswer(invocation -> List.of()).when(atlassian.executor)
                .apply(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq(PlanStep.ACCOUNT),
                        org.mockito.ArgumentMatchers.any());
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_AS_PLANNED");
        assertThat((String) process.variable(instance, "failureMessage")).contains("still needs", "deactivate");
    }

    @Test
    void a_transient_failure_is_retried_by_the_engine_with_its_retry_cycle() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.unavailable();

        assertThatThrownBy(() -> process.runJobs(instance)).hasMessageContaining("timed out");
        assertThat(instance).isWaitingAt("deactivate");
        Job deactivate = job(instance);
        assertThat(deactivate.getRetries()).isEqualTo(4);
        assertThat(deactivate.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(50));

        extension.getProcessEngine().getManagementService().executeJob(deactivate.getId());
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-disabled");
    }

    @Test
    void a_rate_limited_call_waits_for_atlassians_reset_without_using_up_a_retry() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        Instant retryAt = Instant.now().plusSeconds(90);
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.rateLimited(retryAt);
        assertThatThrownBy(() -> process.runJobs(instance)).hasMessageContaining("429");
        for (int attempt = 0; attempt < 2; attempt++) {
            atlassian.nextApplyFailure = FakeAtlassian.rateLimited(retryAt);
            Job deactivate = job(instance);
            assertThatThrownBy(() -> extension.getProcessEngine().getManagementService().executeJob(deactivate.getId()))
                    .hasMessageContaining("429");
        }
        Job waiting = job(instance);
        assertThat(instance).isWaitingAt("deactivate");
        assertThat(waiting.getRetries()).isEqualTo(5);
        assertThat(waiting.getDuedate().toInstant()).isBetween(retryAt, retryAt.plusSeconds(1));
        assertThat(waiting.getExceptionMessage()).contains("429");
    }

    @Test
    void an_endpoint_that_is_gone_is_an_incident_naming_it_at_once_without_spending_retries() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.endpointGone();

        assertThatThrownBy(() -> process.runJobs(instance)).hasMessageContaining("410");

        assertThat(instance).isWaitingAt("deactivate");
        assertThat(job(instance).getRetries()).isZero();
        org.camunda.bpm.engine.runtime.Incident incident = extension.getProcessEngine().getRuntimeService()
                .createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).as("an incident after the first failure").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("deactivate");
        assertThat(incident.getIncidentMessage()).contains("User management", "userManagement.disable",
                "POST /users/{}/manage/lifecycle/disable", "410");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void an_organization_atlassian_does_not_know_is_an_incident_naming_the_setting_at_once() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.organizationNotFound();

        assertThatThrownBy(() -> process.runJobs(instance)).hasMessageContaining("atlassian.org-id");

        assertThat(instance).isWaitingAt("deactivate");
        assertThat(job(instance).getRetries()).isZero();
        org.camunda.bpm.engine.runtime.Incident incident = extension.getProcessEngine().getRuntimeService()
                .createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).as("an incident after the first failure").isNotNull();
        assertThat(incident.getIncidentMessage()).contains("ADMIN-UAM-404-2", "atlassian.org-id");
        assertThat(atlassian.applied).isEmpty();
    }

    // --- invalid requests ----------------------------------------------------------------------------------

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("no account", vars("reason", "left the company"), "accountId: is required"),
                Arguments.of("bad account id", vars("accountId", "abc/../x", "reason", "r"), "accountId: must be"),
                Arguments.of("no reason", vars("accountId", ACCOUNT), "reason: is required"),
                Arguments.of("blank reason", vars("accountId", ACCOUNT, "reason", "   "), "reason: is required"),
                Arguments.of("unknown reason code", vars("accountId", ACCOUNT, "reason", "r", "reasonCode", "BORED"),
                        "reasonCode: must be one of"),
                Arguments.of("account id of the wrong type", vars("accountId", 42, "reason", "r"),
                        "accountId: must be a string"),
                Arguments.of("groups on a disable", vars("accountId", ACCOUNT, "reason", "r", "groups", "[\"x\"]"),
                        "groups: is only for adding"),
                Arguments.of("supplied requester", vars("accountId", ACCOUNT, "reason", "r", "requester", "ceo"),
                        "requester: is the authenticated user"));
    }

    // --- the contract's hooks ------------------------------------------------------------------------------

    @Override
    String firstApplyStep() {
        return "deactivate";
    }

    @Override
    ProcessTestSupport process() {
        return process;
    }

    @Override
    FakeAtlassian atlassian() {
        return atlassian;
    }

    @Override
    String processKey() {
        return KEY;
    }

    @Override
    Map<String, Object> validRequest() {
        return request("TERMINATION");
    }

    @Override
    ProcessInstance startAwaitingApproval() {
        return startAndPlan();
    }

    @Override
    ProcessInstance approved() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        return instance;
    }

    /** A SCIM disable whose call 2 (release the Jira seat) Atlassian refuses. */
    @Override
    ProcessInstance awaitingResolutionOfARefusedCall() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        ProcessInstance instance = approved();
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailureForTests(
                "2", BusinessError.NOT_ELIGIBLE).failure();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        return instance;
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private ProcessInstance start() {
        return process.startAs("requester", KEY, request("TERMINATION"));
    }

    private ProcessInstance startAndPlan() {
        return process.startAwaitingApproval(KEY, request("TERMINATION"));
    }

    private static Map<String, Object> request(String reasonCode) {
        return vars("accountId", ACCOUNT, "reason", "Left the company", "reasonCode", reasonCode);
    }
}
