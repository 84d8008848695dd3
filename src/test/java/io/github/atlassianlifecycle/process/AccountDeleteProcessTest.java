package io.github.atlassianlifecycle.process;

import static io.github.atlassianlifecycle.process.FakeAtlassian.ACCOUNT;
import static io.github.atlassianlifecycle.process.FakeAtlassian.CONFLUENCE_USERS;
import static io.github.atlassianlifecycle.process.FakeAtlassian.ENGINEERING;
import static io.github.atlassianlifecycle.process.FakeAtlassian.JIRA_USERS;
import static io.github.atlassianlifecycle.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
import org.junit.jupiter.params.provider.ValueSource;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailureForTests;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.RemindApproversDelegate;

@Deployment(resources = { "atlassian-lifecycle/account-delete.bpmn", "atlassian-lifecycle/approval-routing.dmn",
        "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
class AccountDeleteProcessTest extends LifecycleModelContract {

    static final String KEY = "account-delete";
    static final String CANCEL_DELETION = "cancel-deletion";

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
    void an_approved_delete_disables_the_account_at_once_and_deletes_it_when_the_grace_period_is_over() {
        ProcessInstance instance = startAndPlan();
        assertThat(task(instance)).hasCandidateGroup("lifecycle-approvers");
        assertThat((String) process.variable(instance, "planText")).contains("User management — deactivate",
                "User management — delete", "Jira — remove user");

        process.completeAs("approver", task(instance), vars("approved", true));
        assertThat(instance).isWaitingAt("approve-second");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-security");
        process.completeAs("security", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("grace-period")
                .hasPassedInOrder("snapshot", "disable-account", "release-seats", "verify-disabled");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.DEACTIVATE);
        assertThat((String) process.variable(instance, "snapshot")).contains("jira-software-users");
        Job gracePeriod = gracePeriodTimer(instance);
        assertThat(gracePeriod.getDuedate().toInstant())
                .isBetween(Instant.now().plus(Duration.ofDays(30)).minusSeconds(60), Instant.now().plus(Duration.ofDays(30)));

        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder("grace-period-over", "delete-account", "verify-deleted", "end-deleted")
                .hasNotPassed("undo");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.DEACTIVATE,
                Operation.DELETE_ACCOUNT, Operation.REMOVE_FROM_JIRA);
        assertThat(atlassian.account.forDeletion()).isTrue();
        assertThat(atlassian.account.inJira()).isFalse();
        assertThat(process.approvals(instance)).extracting(Approval::approver).containsExactly("approver", "security");
        assertThat(process.approvals(instance)).allSatisfy(approval -> {
            assertThat(approval.approved()).isTrue();
            assertThat(approval.planHash()).isEqualTo(process.variable(instance, "planHash"));
        });
    }

    @Test
    void a_scim_managed_account_is_deactivated_through_scim_now_and_deleted_through_scim_and_user_management_later() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        ProcessInstance instance = approvedAndDisabled();

        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.SCIM_DEACTIVATE,
                Operation.REMOVE_JIRA_GROUP, Operation.REMOVE_CONFLUENCE_GROUP);
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");

        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-deleted");
        assertThat(afterGrace()).containsExactly(Operation.SCIM_DELETE, Operation.DELETE_ACCOUNT,
                Operation.REMOVE_FROM_JIRA);
        assertThat(atlassian.account.scimId()).isNull();
        assertThat(atlassian.account.forDeletion()).isTrue();
    }

    @Test
    void an_unmanaged_account_is_suspended_now_and_removed_from_the_directory_later() {
        atlassian.account = FakeAtlassian.active(ManagedBy.UNMANAGED);
        ProcessInstance instance = approvedAndDisabled();

        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.SUSPEND);
        assertThat(atlassian.account.membershipStatus()).isEqualTo("suspended");

        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-deleted");
        assertThat(afterGrace()).containsExactly(Operation.REMOVE_FROM_DIRECTORY, Operation.REMOVE_FROM_JIRA);
        assertThat(atlassian.account.membershipStatus()).isEqualTo("no_membership");
    }

    @Test
    void an_account_already_scheduled_for_deletion_and_not_in_jira_needs_nothing_and_ends_completed() {
        atlassian.account = facts(atlassian.account, "inactive", true, false);
        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-nothing-to-do").hasNotPassed("approve");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(atlassian.applied).isEmpty();
    }

    // --- cancelling during the grace period ----------------------------------------------------------------

    @Test
    void cancelling_during_the_grace_period_re_enables_the_account_with_its_groups_and_ends_cancelled() {
        releasingProductSeats();
        ProcessInstance instance = approvedAndDisabled();
        assertThat(atlassian.account.isAccountActive()).isFalse();
        assertThat(atlassian.account.jiraGroups()).isEmpty();
        assertThat(atlassian.account.confluenceGroups()).isEmpty();
        int disableCalls = atlassian.applied.size();

        cancelDeletion(instance);
        assertThat(instance).isWaitingAt("undo");
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder("deletion-cancelled", "undo", "end-cancelled")
                .hasNotPassed("grace-period-over", "delete");
        assertThat(process.variable(instance, "outcome")).isEqualTo("cancelled");
        assertThat(atlassian.account.isUsable()).isTrue();
        assertThat(atlassian.account.jiraGroups()).containsExactly(JIRA_USERS);
        assertThat(atlassian.account.confluenceGroups()).containsExactly(CONFLUENCE_USERS);
        assertThat(atlassian.account.orgGroups()).containsExactly(ENGINEERING);
        assertThat(atlassian.applied.subList(disableCalls, atlassian.applied.size())).extracting(PlannedCall::operation)
                .containsExactly(Operation.REACTIVATE, Operation.ADD_JIRA_GROUP, Operation.ADD_CONFLUENCE_GROUP);
        assertThat(afterGrace()).isEmpty();
        assertThat((String) process.variable(instance, "undoPlan")).contains("REACTIVATE");
        assertThat(extension.getProcessEngine().getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).count()).as("the grace period timer is gone").isZero();
    }

    // --- looking again before deleting ---------------------------------------------------------------------

    @Test
    void the_account_is_read_again_when_the_grace_period_is_over_before_it_is_deleted() {
        ProcessInstance instance = approvedAndDisabled();
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder("grace-period-over", "recheck-deletion", "delete-account",
                "end-deleted");
    }

    @Test
    void an_account_enabled_again_during_the_grace_period_is_not_deleted_without_a_new_approval() {
        ProcessInstance instance = approvedAndDisabled();
        // Meanwhile someone reactivates the account in admin.atlassian.com: it is in use again.
        atlassian.account = FakeAtlassian.active(ManagedBy.ORGANIZATION);
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(afterGrace()).as("nothing deleted").isEmpty();
        assertThat(atlassian.account.forDeletion()).isFalse();
        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "drifted")).isEqualTo(true);
        assertThat((String) process.variable(instance, "planText")).contains("User management — deactivate",
                "User management — delete");

        process.completeAs("approver", task(instance), vars("approved", false, "comment", "she is back at work"));
        assertThat(instance).isEnded().hasPassed("end-rejected");
        assertThat(atlassian.account.isAccountActive()).isTrue();
    }

    @Test
    void a_refused_look_at_the_account_after_the_grace_period_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = approvedAndDisabled();
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("delete");
        assertThat(afterGrace()).isEmpty();

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("recheck-deletion-failed", "end-deleted");
        assertThat(afterGrace()).containsExactly(Operation.DELETE_ACCOUNT, Operation.REMOVE_FROM_JIRA);
    }

    @Test
    void a_cancellation_after_the_grace_period_finds_nothing_to_cancel() {
        ProcessInstance instance = approvedAndDisabled();
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-deleted");

        assertThatThrownBy(() -> cancelDeletion(instance)).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(atlassian.account.forDeletion()).isTrue();
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
    }

    @Test
    void a_cancellation_before_the_account_is_disabled_finds_nothing_to_cancel() {
        ProcessInstance instance = startAndPlan();
        assertThatThrownBy(() -> cancelDeletion(instance)).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(instance).isWaitingAt("approve");
    }

    // --- approvals and four eyes ---------------------------------------------------------------------------

    @Test
    void the_security_approver_is_refused_when_they_were_the_first_approver_too() {
        ProcessInstance instance = startAndPlan();
        // "lead" is in both lifecycle-approvers and lifecycle-security.
        process.completeAs("lead", task(instance), vars("approved", true));
        Task second = task(instance);
        assertThat(second.getTaskDefinitionKey()).isEqualTo("approve-second");

        assertThatThrownBy(() -> process.completeAs("lead", second, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("already approved");
        assertThatThrownBy(() -> process.claimAs("lead", second)).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(instance).isWaitingAt("approve-second");
        assertThat(atlassian.applied).isEmpty();

        process.completeAs("security", second, vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("grace-period");
        assertThat(process.approvals(instance)).extracting(Approval::approver).containsExactly("lead", "security");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "approve", "approve-second" })
    void the_requester_can_neither_claim_nor_be_assigned_nor_be_delegated_nor_complete_an_approval(String approval) {
        ProcessInstance instance = startAndPlan();
        if (approval.equals("approve-second")) {
            process.completeAs("approver", task(instance), vars("approved", true));
        }
        Task task = task(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(approval);
        String taskId = task.getId();

        assertThatThrownBy(() -> process.claimAs("requester", task)).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService().setAssignee(taskId, "requester"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        taskService().setAssignee(taskId, "colleague");
        assertThatThrownBy(() -> taskService().delegateTask(taskId, "requester"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> process.completeAs("requester", task, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Four eyes");

        assertThat(instance).isWaitingAt(approval);
        assertThat(task(instance)).isAssignedTo("colleague");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void a_delete_by_automation_for_a_termination_is_still_not_pre_approved() {
        ProcessInstance instance = process.startAs("hr-system", List.of("lifecycle-automation"), KEY,
                request("TERMINATION"));
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "preApproved")).isEqualTo(false);
        assertThat(process.variable(instance, "needsSecondApproval")).isEqualTo(true);
        assertThat(process.approvals(instance)).isEmpty();
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void a_rejected_delete_ends_rejected_and_changes_nothing() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", false, "comment", "she is on leave, not gone"));

        assertThat(instance).isEnded().hasPassed("end-rejected").hasNotPassed("approve-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void the_security_officer_can_reject_after_the_first_approval() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", false, "comment", "legal hold on her data"));

        assertThat(instance).isEnded().hasPassed("end-rejected-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(process.approvals(instance)).extracting(Approval::approved).containsExactly(true, false);
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void a_waiting_security_approval_reminds_its_approvers_and_then_expires() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.fireTimer(instance, "approve-second-reminder");
        assertThat(instance).isWaitingAt("approve-second");
        assertThat(task(instance).getPriority()).isEqualTo(RemindApproversDelegate.REMINDED_PRIORITY);

        process.fireTimer(instance, "approve-second-expiry");
        assertThat(instance).isEnded().hasPassed("end-expired-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("expired");
        assertThat(atlassian.applied).isEmpty();
    }

    // --- drift ---------------------------------------------------------------------------------------------

    @Test
    void an_account_that_changed_after_approval_goes_back_to_both_approvals_with_the_new_plan() {
        ProcessInstance instance = startAndPlan();
        String approvedHash = (String) process.variable(instance, "planHash");
        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", true));

        // Meanwhile a Jira administrator removes the account from Jira: the plan no longer has that call.
        atlassian.account = facts(atlassian.account, "active", false, false);
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "drifted")).isEqualTo(true);
        assertThat(process.variable(instance, "planHash")).isNotEqualTo(approvedHash);
        assertThat((String) process.variable(instance, "planText")).doesNotContain("Jira — remove user");
        assertThat(atlassian.applied).isEmpty();

        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", true));
        process.runJobs(instance);
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-deleted");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.DEACTIVATE,
                Operation.DELETE_ACCOUNT);
        assertThat(process.approvals(instance)).hasSize(4);
    }

    // --- failures: planning and re-checking ----------------------------------------------------------------

    static Stream<Arguments> businessErrors() {
        return Stream.of(Arguments.of(BusinessError.ACCOUNT_NOT_FOUND), Arguments.of(BusinessError.ACCOUNT_NOT_MANAGED),
                Arguments.of(BusinessError.MANAGED_BY_IDENTITY_PROVIDER), Arguments.of(BusinessError.NOT_AUTHORIZED));
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

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "wrong person"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void a_refused_plan_can_be_retried_once_the_cause_is_fixed() {
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        ProcessInstance instance = start();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void a_refused_re_check_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", true));
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("recheck");

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("grace-period");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
    }

    // --- failures: disabling now ---------------------------------------------------------------------------

    @Test
    void a_refused_disable_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = approved();
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_ELIGIBLE);
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("disable");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_ELIGIBLE");
        assertThat(atlassian.applied).isEmpty();

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("grace-period");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
        assertThat(gracePeriodTimer(instance)).isNotNull();
    }

    @Test
    void a_refused_seat_release_can_be_skipped_and_the_grace_period_still_starts() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        ProcessInstance instance = approved();
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests("2", BusinessError.NOT_ELIGIBLE).failure();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("disable");

        process.completeAs("demo", task(instance), vars("resolution", "skip", "comment", "IdP-synced group"));
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("grace-period");
        assertThat(atlassian.account.jiraGroups()).as("the skipped release").containsExactly(JIRA_USERS);
        assertThat(atlassian.account.confluenceGroups()).isEmpty();
        assertThat((String) process.variable(instance, "appliedCalls")).contains("SKIPPED");
    }

    @Test
    void a_refused_disable_can_be_aborted_and_leaves_the_account_as_it_was() {
        ProcessInstance instance = approved();
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_ELIGIBLE);
        process.runJobs(instance);

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "do it by hand"));
        assertThat(instance).isEnded().hasPassed("end-failed").hasNotPassed("grace-period");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.account.isAccountActive()).isTrue();
    }

    // --- failures: deleting after the grace period ---------------------------------------------------------

    @Test
    void a_refused_deletion_goes_to_an_administrator_and_can_be_retried_without_another_grace_period() {
        ProcessInstance instance = approvedAndDisabled();
        atlassian.failingStep = PlanStep.AFTER_GRACE;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_ELIGIBLE);
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("delete");
        assertThat(afterGrace()).isEmpty();

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-deleted");
        assertThat(afterGrace()).containsExactly(Operation.DELETE_ACCOUNT, Operation.REMOVE_FROM_JIRA);
    }

    @Test
    void a_refused_account_deletion_can_be_skipped_and_the_account_is_still_removed_from_jira() {
        ProcessInstance instance = approvedAndDisabled();
        atlassian.failingStep = PlanStep.AFTER_GRACE;
        // call 2 of the plan: 1 deactivate, 2 delete the account, 3 remove from Jira
        atlassian.nextApplyFailure = new PlanStepFailureForTests("2", BusinessError.NOT_ELIGIBLE).failure();
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);
        assertThat(process.variable(instance, "failedCall")).isEqualTo("2");

        process.completeAs("demo", task(instance), vars("resolution", "skip", "comment", "legal hold"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-deleted");
        assertThat(afterGrace()).containsExactly(Operation.REMOVE_FROM_JIRA);
        assertThat(atlassian.account.forDeletion()).isFalse();
        assertThat(atlassian.account.inJira()).isFalse();
    }

    @Test
    void a_refused_deletion_can_be_aborted_and_the_account_stays_disabled() {
        ProcessInstance instance = approvedAndDisabled();
        atlassian.failingStep = PlanStep.AFTER_GRACE;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_ELIGIBLE);
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "delete by hand"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
        assertThat(atlassian.account.forDeletion()).isFalse();
    }

    @Test
    void an_account_that_does_not_read_back_as_deleted_goes_to_an_administrator() {
        ProcessInstance instance = approvedAndDisabled();
        // Atlassian answers 204 but the account is not scheduled for deletion.
        org.mockito.Mockito.doAnswer(invocation -> List.of()).when(atlassian.executor)
                .apply(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq(PlanStep.AFTER_GRACE),
                        org.mockito.ArgumentMatchers.any());
        process.fireTimer(instance, "grace-period-over");
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("delete");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_AS_PLANNED");
        assertThat((String) process.variable(instance, "failureMessage")).contains("still needs", "delete");
    }

    // --- failures: undoing the disable ---------------------------------------------------------------------

    @Test
    void a_refused_undo_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = approvedAndDisabled();
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_ELIGIBLE);
        cancelDeletion(instance);
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("undo");
        assertThat(atlassian.account.isAccountActive()).isFalse();

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-cancelled");
        assertThat(process.variable(instance, "outcome")).isEqualTo("cancelled");
        assertThat(atlassian.account.isAccountActive()).isTrue();
        assertThat(afterGrace()).isEmpty();
    }

    @Test
    void a_refused_undo_call_can_be_skipped_and_the_rest_of_the_undo_still_runs() {
        releasingProductSeats();
        ProcessInstance instance = approvedAndDisabled();
        // the undo plan: 1 reactivate, 2 add to the Jira group, 3 add to the Confluence group
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests("2", BusinessError.NOT_ELIGIBLE).failure();
        cancelDeletion(instance);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("undo");
        assertThat(atlassian.account.isAccountActive()).as("the account step went through").isTrue();

        process.completeAs("demo", task(instance), vars("resolution", "skip", "comment", "group retired"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-cancelled");
        assertThat(atlassian.account.jiraGroups()).as("the skipped call").isEmpty();
        assertThat(atlassian.account.confluenceGroups()).containsExactly(CONFLUENCE_USERS);
    }

    @Test
    void a_call_skipped_while_disabling_does_not_skip_anything_when_the_disable_is_undone() {
        releasingProductSeats();
        ProcessInstance instance = approved();
        // the delete plan: 1 deactivate, 2 remove from the Jira group, 3 remove from the Confluence group, ...
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests("2", BusinessError.NOT_ELIGIBLE).failure();
        process.runJobs(instance);
        process.completeAs("demo", task(instance), vars("resolution", "skip", "comment", "IdP-synced group"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("grace-period");
        assertThat(atlassian.account.jiraGroups()).containsExactly(JIRA_USERS);

        // the undo plan: 1 reactivate, 2 add to the Confluence group; its call 2 was never skipped
        cancelDeletion(instance);
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-cancelled");
        assertThat(atlassian.account.isAccountActive()).isTrue();
        assertThat(atlassian.account.confluenceGroups()).containsExactly(CONFLUENCE_USERS);
        assertThat(atlassian.account.jiraGroups()).containsExactly(JIRA_USERS);
    }

    @Test
    void a_refused_undo_can_be_aborted_and_the_account_stays_disabled_without_being_deleted() {
        ProcessInstance instance = approvedAndDisabled();
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.MANAGED_BY_IDENTITY_PROVIDER);
        cancelDeletion(instance);
        process.runJobs(instance);

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "enable in the IdP"));
        assertThat(instance).isEnded().hasPassed("end-failed").hasNotPassed("delete");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
        assertThat(afterGrace()).isEmpty();
    }

    @Test
    void a_transient_failure_of_the_undo_is_retried_by_the_engine_with_its_retry_cycle() {
        ProcessInstance instance = approvedAndDisabled();
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.unavailable();
        cancelDeletion(instance);

        assertThatThrownBy(() -> process.runJobs(instance)).hasMessageContaining("timed out");
        assertThat(instance).isWaitingAt("undo");
        Job undo = job(instance);
        assertThat(undo.getRetries()).isEqualTo(4);
        assertThat(undo.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(50));

        extension.getProcessEngine().getManagementService().executeJob(undo.getId());
        assertThat(instance).isEnded().hasPassed("end-cancelled");
        assertThat(atlassian.account.isAccountActive()).isTrue();
    }

    // --- invalid requests ----------------------------------------------------------------------------------

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("no account", vars("reason", "left the company"), "accountId: is required"),
                Arguments.of("bad account id", vars("accountId", "abc/../x", "reason", "r"), "accountId: must be"),
                Arguments.of("no reason", vars("accountId", ACCOUNT), "reason: is required"),
                Arguments.of("unknown reason code", vars("accountId", ACCOUNT, "reason", "r", "reasonCode", "BORED"),
                        "reasonCode: must be one of"),
                Arguments.of("groups on a delete", vars("accountId", ACCOUNT, "reason", "r", "groups", "[\"x\"]"),
                        "groups: is only for adding"),
                Arguments.of("supplied requester", vars("accountId", ACCOUNT, "reason", "r", "requester", "ceo"),
                        "requester: is the authenticated user"));
    }

    // --- the contract's hooks ------------------------------------------------------------------------------

    @Override
    String firstApplyStep() {
        return "disable-account";
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

    /** A SCIM delete whose call 2 (release the Jira seat, while disabling) Atlassian refuses. */
    @Override
    ProcessInstance awaitingResolutionOfARefusedCall() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        ProcessInstance instance = approved();
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests("2", BusinessError.NOT_ELIGIBLE).failure();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        return instance;
    }

    /** On to the end: the grace period too. */
    @Override
    void runToTheEnd(ProcessInstance instance) {
        process.runJobs(instance);
        if (gracePeriodTimer(instance) != null) {
            process.fireTimer(instance, "grace-period-over");
            process.runJobs(instance);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private ProcessInstance start() {
        return process.startAs("requester", KEY, request("TERMINATION"));
    }

    private ProcessInstance startAndPlan() {
        return process.startAwaitingApproval(KEY, request("TERMINATION"));
    }

    /** Both approvals given; the re-check and the disable are the next jobs. */
    @Override
    ProcessInstance approved() {
        ProcessInstance instance = startAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", true));
        return instance;
    }

    /** Approved and disabled: waiting out the grace period. */
    private ProcessInstance approvedAndDisabled() {
        ProcessInstance instance = approved();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("grace-period");
        return instance;
    }

    private void cancelDeletion(ProcessInstance instance) {
        runtimeService().createMessageCorrelation(CANCEL_DELETION).processInstanceId(instance.getId()).correlate();
    }

    private Job gracePeriodTimer(ProcessInstance instance) {
        return extension.getProcessEngine().getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("grace-period-over").timers().singleResult();
    }

    /** The operations applied after the grace period, in order. */
    private List<Operation> afterGrace() {
        Set<Operation> afterGrace = Set.of(Operation.DELETE_ACCOUNT, Operation.SCIM_DELETE,
                Operation.REMOVE_FROM_DIRECTORY, Operation.REMOVE_FROM_JIRA);
        return atlassian.applied.stream().filter(call -> call.step() == PlanStep.AFTER_GRACE
                || afterGrace.contains(call.operation())).map(PlannedCall::operation).toList();
    }

    /** Disabling also takes the account out of its Jira and Confluence groups, so undoing it gives them back. */
    private void releasingProductSeats() {
        LifecyclePolicy defaults = LifecyclePolicy.defaults();
        atlassian = new FakeAtlassian(new LifecyclePolicy(LifecyclePolicy.SeatRelease.ALWAYS, defaults.provisioning(),
                defaults.privilegedGroups(), defaults.deleteGracePeriod()));
        atlassian.registerBeans();
    }

    private static AccountFacts facts(AccountFacts account, String accountStatus, boolean forDeletion, boolean inJira) {
        return new AccountFacts(account.exists(), account.accountId(), account.email(), account.name(),
                account.managedBy(), accountStatus, account.membershipStatus(), forDeletion,
                account.lifecycleRestriction(), account.scimId(), account.orgGroups(), inJira,
                inJira ? account.jiraGroups() : List.of(), account.confluenceGroups());
    }

    private static Map<String, Object> request(String reasonCode) {
        return vars("accountId", ACCOUNT, "reason", "Left the company", "reasonCode", reasonCode);
    }
}
