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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
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
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy.Provisioning;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy.SeatRelease;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailureForTests;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.RemindApproversDelegate;

/**
 * {@code account-enable}: the inverse of {@code account-disable}. Both models are deployed, because an enable
 * restores the groups of the snapshot the account's last disable recorded in Camunda's history; the disable model
 * is left out of this class's coverage (its own test class measures it).
 */
@Deployment(resources = { "atlassian-lifecycle/account-enable.bpmn", "atlassian-lifecycle/account-disable.bpmn",
        "atlassian-lifecycle/approval-routing.dmn", "atlassian-lifecycle/approve-request.form",
        "atlassian-lifecycle/resolve-failure.form" })
class AccountEnableProcessTest extends LifecycleModelContract {

    static final String KEY = "account-enable";
    static final String DISABLE_KEY = "account-disable";
    static final String DELETE_KEY = "account-delete";
    static final String TWO_APPROVALS = "routing/approval-routing-two-approvals.dmn";
    static final String PRE_APPROVED_ENABLE = "routing/approval-routing-pre-approved-enable.dmn";
    static final GroupRef DEVELOPERS = new GroupRef("j-2", "developers");

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(ProcessTestSupport.ENGINE_CONFIGURATION).excludeProcessDefinitionKeys(DISABLE_KEY, DELETE_KEY)
            .assertClassCoverageAtLeast(0.9).build();

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

    // --- the happy path: undoing a disable -----------------------------------------------------------------

    @Test
    void an_approved_enable_reactivates_the_account_and_gives_back_the_groups_its_disable_released() {
        organizationReleasingSeatsOnEveryDisable();
        disableToCompletion();
        assertThat(atlassian.account.jiraGroups()).isEmpty();

        ProcessInstance instance = start();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-approvers");
        assertThat((String) process.variable(instance, "planText")).contains("User management — enable",
                "Jira — add to group — Ada Lovelace <ada.lovelace@demo.example> to Jira group jira-software-users",
                "Confluence — add to group");

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder("reactivate", "restore-groups", "verify", "end-enabled");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
        assertThat(atlassian.account.jiraGroups()).containsExactly(JIRA_USERS);
        assertThat(atlassian.account.confluenceGroups()).containsExactly(CONFLUENCE_USERS);
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.REACTIVATE,
                Operation.ADD_JIRA_GROUP, Operation.ADD_CONFLUENCE_GROUP);
        assertThat(process.approvals(instance)).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo("approver");
            assertThat(approval.approved()).isTrue();
            assertThat(approval.planHash()).isEqualTo(process.variable(instance, "planHash"));
        });
        assertThat((String) process.variable(instance, "appliedCalls")).contains("APPLIED");
    }

    @Test
    void an_enable_undoes_a_disable_restoring_exactly_the_snapshots_groups_and_leaving_later_ones_alone() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        scimHidesDeactivatedUsers();
        ProcessInstance disable = disableToCompletion();
        assertThat(atlassian.account.jiraGroups()).as("SCIM disable released the seats").isEmpty();
        // After the disable, someone gives the account another Jira group: the enable must not touch it.
        atlassian.account = atlassian.with("inactive", "active", List.of(DEVELOPERS), List.of());

        ProcessInstance instance = startAndPlan();
        assertThat(process.variable(instance, "snapshot")).as("the disable's snapshot, found in the history")
                .isEqualTo(process.variable(disable, "snapshot"));
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.SCIM_ACTIVATE,
                Operation.ADD_JIRA_GROUP, Operation.ADD_CONFLUENCE_GROUP);
        assertThat(atlassian.applied).extracting(PlannedCall::target)
                .noneSatisfy(target -> assertThat(target).contains("developers"));
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
        assertThat(atlassian.account.orgGroups()).containsExactly(ENGINEERING);
        assertThat(atlassian.account.jiraGroups()).containsExactlyInAnyOrder(DEVELOPERS, JIRA_USERS);
        assertThat(atlassian.account.confluenceGroups()).containsExactly(CONFLUENCE_USERS);
    }

    @Test
    void a_scim_managed_account_is_reactivated_through_scim_with_the_id_its_snapshot_kept() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        scimHidesDeactivatedUsers();
        disableToCompletion();

        ProcessInstance instance = startAndPlan();
        assertThat((String) process.variable(instance, "planText"))
                .contains("SCIM — set active=true — Ada Lovelace <ada.lovelace@demo.example> (SCIM user scim-ada)");
        verify(atlassian.inspector, atLeastOnce()).byAccountId(eq(ACCOUNT), eq("scim-ada"));
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.applied).first().satisfies(call -> {
            assertThat(call.operation()).isEqualTo(Operation.SCIM_ACTIVATE);
            assertThat(call.param("scimId")).isEqualTo("scim-ada");
        });
    }

    @Test
    void an_enable_uses_the_snapshot_of_the_accounts_latest_disable() {
        organizationReleasingSeatsOnEveryDisable();
        disableToCompletion();
        ProcessInstance first = startAndPlan();
        process.completeAs("approver", task(first), vars("approved", true));
        process.runJobs(first);
        assertThat(first).isEnded().hasPassed("end-enabled");

        // Back at work, the account joins another Jira group; then it is disabled again.
        atlassian.account = atlassian.with("active", "active", List.of(JIRA_USERS, DEVELOPERS), List.of(CONFLUENCE_USERS));
        disableToCompletion();

        ProcessInstance second = startAndPlan();
        process.completeAs("approver", task(second), vars("approved", true));
        process.runJobs(second);
        assertThat(second).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.account.jiraGroups()).containsExactlyInAnyOrder(JIRA_USERS, DEVELOPERS);
    }

    @Test
    void an_enable_by_email_finds_the_account_and_the_snapshot_of_its_disable() {
        organizationReleasingSeatsOnEveryDisable();
        disableToCompletion();

        ProcessInstance instance = process.startAs("requester", KEY,
                vars("email", "ada.lovelace@demo.example", "reason", "Back from leave", "reasonCode", "LEAVE"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "accountId")).isEqualTo(ACCOUNT);
        assertThat((String) process.variable(instance, "snapshot")).contains("jira-software-users");

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.account.jiraGroups()).containsExactly(JIRA_USERS);
    }

    @Test
    void an_enable_restores_the_snapshot_taken_last_not_the_one_of_the_disable_started_last() {
        organizationReleasingSeatsOnEveryDisable();
        ProcessInstance startedFirst = startDisable();
        process.runJobs(startedFirst);
        assertThat(startedFirst).isWaitingAt("approve");
        disableToCompletion();
        enableToCompletion();
        // Back at work, the account joins another Jira group; then the disable started first is approved.
        atlassian.account = atlassian.with("active", "active", List.of(JIRA_USERS, DEVELOPERS), List.of(CONFLUENCE_USERS));
        process.completeAs("approver", task(startedFirst), vars("approved", true));
        process.runJobs(startedFirst);
        assertThat(process.variable(startedFirst, "drifted")).as("one more group to release").isEqualTo(true);
        process.completeAs("approver", task(startedFirst), vars("approved", true));
        process.runJobs(startedFirst);
        assertThat(startedFirst).isEnded().hasPassed("end-disabled");
        assertThat(atlassian.account.jiraGroups()).isEmpty();

        ProcessInstance instance = startAndPlan();

        assertThat((String) process.variable(instance, "snapshot")).as("the snapshot taken last")
                .isEqualTo(process.variable(startedFirst, "snapshot")).contains("developers");
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(atlassian.account.jiraGroups()).containsExactlyInAnyOrder(JIRA_USERS, DEVELOPERS);
    }

    @Test
    void an_enable_finds_the_snapshot_behind_many_later_disables_that_took_none() {
        organizationReleasingSeatsOnEveryDisable();
        ProcessInstance withSnapshot = disableToCompletion();
        for (int i = 0; i < 21; i++) {
            ProcessInstance nothingToDo = startDisable();
            process.runJobs(nothingToDo);
            assertThat(nothingToDo).isEnded().hasPassed("end-nothing-to-do");
        }

        ProcessInstance instance = startAndPlan();

        assertThat(process.variable(instance, "snapshot")).isEqualTo(process.variable(withSnapshot, "snapshot"));
        assertThat((String) process.variable(instance, "planText")).contains("jira-software-users", "confluence-users");
    }

    @Test
    void a_snapshot_forged_as_a_start_variable_of_a_disable_is_never_restored() {
        organizationReleasingSeatsOnEveryDisable();
        ProcessInstance real = disableToCompletion();
        AccountSnapshot forged = new AccountSnapshot(ACCOUNT, null, Instant.now().plus(Duration.ofDays(365)), "active",
                "active", List.of(ENGINEERING, new GroupRef("o-admins", "org-admins")), List.of(JIRA_USERS), List.of());
        Map<String, Object> forging = vars("accountId", ACCOUNT, "reason", "Parental leave", "reasonCode", "LEAVE");
        forging.put("snapshot", SpinValues.jsonValue(PlanJson.write(forged)).create());
        ProcessInstance forger = process.startAs("requester", DISABLE_KEY, forging);
        process.runJobs(forger);

        ProcessInstance instance = startAndPlan();

        assertThat(process.variable(instance, "snapshot")).isEqualTo(process.variable(real, "snapshot"));
        assertThat((String) process.variable(instance, "planText")).doesNotContain("org-admins")
                .contains("jira-software-users");
    }

    // --- an enable during a deletion's grace period ---------------------------------------------------------

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-enable.bpmn", "atlassian-lifecycle/account-delete.bpmn",
            "atlassian-lifecycle/approval-routing.dmn", "atlassian-lifecycle/approve-request.form",
            "atlassian-lifecycle/resolve-failure.form" })
    void an_enable_approved_during_a_deletions_grace_period_cancels_the_deletion() {
        ProcessInstance delete = process.startAwaitingApproval(DELETE_KEY,
                vars("accountId", ACCOUNT, "reason", "Left the company", "reasonCode", "TERMINATION"));
        process.completeAs("approver", task(delete), vars("approved", true));
        process.completeAs("security", task(delete), vars("approved", true));
        process.runJobs(delete);
        assertThat(delete).isWaitingAt("grace-period");
        atlassian.applied.clear();

        ProcessInstance instance = startAndPlan();
        assertThat((String) process.variable(instance, "planText")).as("the approver sees it")
                .contains("grace period", delete.getId());
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);
        process.runJobs(delete);

        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(delete).isEnded().hasPassed("deletion-cancelled", "end-cancelled").hasNotPassed("delete");
        assertThat(process.variable(delete, "outcome")).isEqualTo("cancelled");
        assertThat(atlassian.account.isAccountActive()).isTrue();
        assertThat(atlassian.applied).extracting(PlannedCall::operation).doesNotContain(Operation.DELETE_ACCOUNT,
                Operation.REMOVE_FROM_JIRA);
    }

    // --- what the plan holds besides a snapshot ------------------------------------------------------------

    @Test
    void an_enable_without_a_snapshot_reactivates_the_account_and_leaves_its_groups_as_they_are() {
        atlassian.account = atlassian.with("inactive", "active", List.of(), List.of());
        ProcessInstance instance = startAndPlan();
        assertThat((String) process.variable(instance, "planText")).contains("No disable snapshot was found");
        assertThat(process.variable(instance, "snapshot")).isNull();

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.REACTIVATE);
        assertThat(atlassian.account.jiraGroups()).isEmpty();
        assertThat(atlassian.account.orgGroups()).containsExactly(ENGINEERING);
    }

    @Test
    void an_account_scheduled_for_deletion_has_the_deletion_cancelled_which_also_reactivates_it() {
        FakeAtlassian.MutableAccount scheduled = new FakeAtlassian.MutableAccount(atlassian.account);
        scheduled.forDeletion = true;
        scheduled.accountStatus = "inactive";
        atlassian.account = scheduled.facts();

        ProcessInstance instance = startAndPlan();
        assertThat((String) process.variable(instance, "planText")).contains("User management — cancel-delete");
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.CANCEL_DELETION);
        assertThat(atlassian.account.forDeletion()).isFalse();
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
    }

    @Test
    void a_suspended_organization_membership_is_restored() {
        atlassian.account = FakeAtlassian.active(ManagedBy.UNMANAGED);
        atlassian.account = atlassian.with("active", "suspended", List.of(JIRA_USERS), List.of(CONFLUENCE_USERS));

        ProcessInstance instance = startAndPlan();
        assertThat((String) process.variable(instance, "planText")).contains("Organizations — restore");
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.RESTORE);
        assertThat(atlassian.account.membershipStatus()).isEqualTo("active");
    }

    @Test
    void an_account_already_active_with_every_group_of_its_snapshot_needs_no_approval_and_ends_completed() {
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);
        disableToCompletion();
        // An administrator already brought everything back by hand.
        atlassian.account = FakeAtlassian.active(ManagedBy.SCIM);

        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-nothing-to-do").hasNotPassed("approve");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(process.variable(instance, "snapshot")).isNotNull();
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void an_active_account_without_a_snapshot_has_nothing_to_enable() {
        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-nothing-to-do");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat((String) process.variable(instance, "planText")).contains("No changes", "No disable snapshot");
        assertThat(atlassian.applied).isEmpty();
    }

    // --- routing -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TERMINATION", "SECURITY_INCIDENT", "LEAVE" })
    void automation_is_never_pre_approved_to_enable_by_the_shipped_routing(String reasonCode) {
        atlassian.account = atlassian.with("inactive", "active", List.of(), List.of());
        ProcessInstance instance = process.startAs("hr-system", List.of("lifecycle-automation"), KEY, request(reasonCode));
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "preApproved")).isEqualTo(false);
        assertThat(process.approvals(instance)).isEmpty();
    }

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-enable.bpmn", PRE_APPROVED_ENABLE,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void a_designers_routing_rule_can_pre_approve_an_enable() {
        atlassian.account = atlassian.with("inactive", "active", List.of(), List.of());
        ProcessInstance instance = process.startAs("hr-system", List.of("lifecycle-automation"), KEY, request("LEAVE"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-enabled").hasNotPassed("approve");
        assertThat(process.approvals(instance)).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo(Approval.POLICY);
            assertThat(approval.comment()).contains("back from leave");
        });
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
    }

    // --- rejection, reminders, expiry ----------------------------------------------------------------------

    @Test
    void a_rejected_enable_ends_rejected_and_changes_nothing() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", false, "comment", "still on leave"));

        assertThat(instance).isEnded().hasPassed("end-rejected");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(process.approvals(instance)).singleElement()
                .satisfies(approval -> assertThat(approval.comment()).isEqualTo("still on leave"));
        assertThat(atlassian.applied).isEmpty();
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
    }

    // --- four eyes -----------------------------------------------------------------------------------------

    @Test
    void requester_cannot_be_assigned_own_approval() {
        ProcessInstance instance = startDisabledAndPlan();
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> taskService().setAssignee(taskId, "requester"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(task(instance)).isNotAssigned();
    }

    @Test
    void requester_cannot_be_delegated_own_approval() {
        ProcessInstance instance = startDisabledAndPlan();
        String taskId = task(instance).getId();
        taskService().setAssignee(taskId, "approver");
        assertThatThrownBy(() -> taskService().delegateTask(taskId, "requester"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(task(instance)).isAssignedTo("approver");
    }

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-enable.bpmn", TWO_APPROVALS,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void a_second_approval_is_by_someone_other_than_the_first_approver() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true, "comment", "ok"));
        assertThat(instance).isWaitingAt("approve-second");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-security");
        assertThat(taskService().getVariable(task(instance).getId(), "comment")).as("no comment carries over").isNull();

        Task second = task(instance);
        assertThatThrownBy(() -> process.completeAs("approver", second, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("already approved");
        assertThatThrownBy(() -> process.claimAs("approver", second)).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> process.completeAs("requester", second, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(atlassian.applied).isEmpty();

        process.completeAs("security", second, vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(process.approvals(instance)).extracting(Approval::approver).containsExactly("approver", "security");
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
    }

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-enable.bpmn", TWO_APPROVALS,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void the_second_approver_can_reject() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", false, "comment", "not without a ticket"));

        assertThat(instance).isEnded().hasPassed("end-rejected-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-enable.bpmn", TWO_APPROVALS,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void a_second_approval_also_reminds_and_expires() {
        ProcessInstance instance = startDisabledAndPlan();
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
    void an_account_that_changed_after_approval_goes_back_to_approval_with_the_new_plan() {
        organizationReleasingSeatsOnEveryDisable();
        disableToCompletion();
        ProcessInstance instance = startAndPlan();
        String approvedHash = (String) process.variable(instance, "planHash");
        assertThat((String) process.variable(instance, "planText")).contains("jira-software-users");
        process.completeAs("approver", task(instance), vars("approved", true));

        // Meanwhile an administrator puts the account back into its Jira group by hand.
        atlassian.account = atlassian.with("inactive", "active", List.of(JIRA_USERS), List.of());
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "drifted")).isEqualTo(true);
        assertThat(process.variable(instance, "planHash")).isNotEqualTo(approvedHash);
        assertThat((String) process.variable(instance, "planText")).doesNotContain("jira-software-users");
        assertThat(atlassian.applied).isEmpty();

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.REACTIVATE,
                Operation.ADD_CONFLUENCE_GROUP);
        assertThat(process.approvals(instance)).hasSize(2);
    }

    // --- failures ------------------------------------------------------------------------------------------

    @Test
    void an_account_removed_from_the_directory_is_not_eligible_and_an_administrator_can_abort() {
        atlassian.account = atlassian.with("active", "no_membership", List.of(), List.of());
        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(task(instance)).hasCandidateGroup("camunda-admin");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_ELIGIBLE");
        assertThat((String) process.variable(instance, "failureMessage")).contains("account-add");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("plan");

        Task resolve = task(instance);
        assertThatThrownBy(() -> process.completeAs("demo", resolve, vars("resolution", "abort")))
                .hasMessageContaining("Say why");
        process.completeAs("demo", resolve, vars("resolution", "abort", "comment", "re-invite with account-add"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.applied).isEmpty();
    }

    static Stream<Arguments> accountsAnIdentityProviderOwns() {
        return Stream.of(Arguments.of("SCIM without a known id", ManagedBy.SCIM),
                Arguments.of("Google Workspace", ManagedBy.GOOGLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountsAnIdentityProviderOwns")
    void a_deactivated_account_an_identity_provider_owns_goes_to_an_administrator_who_retries_once_it_is_fixed(
            String name, ManagedBy managedBy) {
        atlassian.account = FakeAtlassian.active(managedBy);
        atlassian.account = atlassian.with("inactive", "active", List.of(JIRA_USERS), List.of(CONFLUENCE_USERS));
        scimHidesDeactivatedUsers();
        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("MANAGED_BY_IDENTITY_PROVIDER");
        assertThat((String) process.variable(instance, "failureMessage")).contains("reactivate it");
        Task resolve = task(instance);
        assertThatThrownBy(() -> process.completeAs("demo", resolve, vars("resolution", "skip", "comment", "x")))
                .hasMessageContaining("Nothing to skip");

        // The administrator reactivates the account in the identity provider, then retries.
        atlassian.account = FakeAtlassian.active(managedBy);
        process.completeAs("demo", resolve, vars("resolution", "retry"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-nothing-to-do");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(atlassian.applied).isEmpty();
    }

    static Stream<Arguments> refusedReads() {
        return Stream.of(Arguments.of(BusinessError.ACCOUNT_NOT_FOUND), Arguments.of(BusinessError.ACCOUNT_NOT_MANAGED),
                Arguments.of(BusinessError.NOT_AUTHORIZED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedReads")
    void a_refused_plan_goes_to_an_administrator_who_can_abort(BusinessError error) {
        atlassian.nextReadFailure = FakeAtlassian.refused(error);
        ProcessInstance instance = start();
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo(error.name());
        assertThat(process.variable(instance, "failedAt")).isEqualTo("plan");
        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "not ours"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
    }

    @Test
    void a_refused_reactivation_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_ELIGIBLE);
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("apply");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_ELIGIBLE");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
    }

    @Test
    void a_refused_reactivation_can_be_aborted_and_leaves_the_account_disabled() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.runJobs(instance);

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "key revoked"));
        assertThat(instance).isEnded().hasPassed("end-failed").hasNotPassed("end-enabled");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
    }

    @Test
    void a_group_that_cannot_be_given_back_can_be_skipped_and_the_rest_of_the_plan_still_runs() {
        organizationReleasingSeatsOnEveryDisable();
        disableToCompletion();
        ProcessInstance instance = startAndPlan();
        String jiraCall = plannedCall(instance, Operation.ADD_JIRA_GROUP).id();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests(jiraCall, BusinessError.LICENCE_LIMIT).failure();
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("LICENCE_LIMIT");
        assertThat(process.variable(instance, "failedCall")).isEqualTo(jiraCall);

        process.completeAs("demo", task(instance), vars("resolution", "skip", "comment", "no Jira seat left"));
        process.runJobs(instance);

        // The skipped group stays missing; verification accepts exactly that call as left out.
        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
        assertThat(atlassian.account.jiraGroups()).isEmpty();
        assertThat(atlassian.account.confluenceGroups()).containsExactly(CONFLUENCE_USERS);
        assertThat((String) process.variable(instance, "resolutions")).as("the skip, on record")
                .contains("\"choice\":\"skip\"", "\"failedCall\":\"" + jiraCall + "\"");
        assertThat(process.variable(instance, "outcome")).isEqualTo("partially-applied");
        assertThat((String) process.variable(instance, "appliedCalls")).contains("SKIPPED");
    }

    @Test
    void a_refused_re_check_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("recheck");

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-enabled");
        assertThat(atlassian.account.accountStatus()).isEqualTo("active");
    }

    @Test
    void an_account_that_does_not_read_back_as_planned_goes_to_an_administrator() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        // Atlassian answers 204 but the account stays deactivated.
        doAnswer(invocation -> List.of()).when(atlassian.executor).apply(any(), eq(PlanStep.ACCOUNT), any());
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_AS_PLANNED");
        assertThat((String) process.variable(instance, "failureMessage")).contains("still needs", "enable");
    }

    @Test
    void a_transient_failure_is_retried_by_the_engine_with_its_retry_cycle() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.unavailable();

        assertThatThrownBy(() -> process.runJobs(instance)).hasMessageContaining("timed out");
        assertThat(instance).isWaitingAt("reactivate");
        Job reactivate = job(instance);
        assertThat(reactivate.getRetries()).isEqualTo(4);
        assertThat(reactivate.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(50));

        extension.getProcessEngine().getManagementService().executeJob(reactivate.getId());
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-enabled");
    }

    // --- invalid requests ----------------------------------------------------------------------------------

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("no account", vars("reason", "back from leave"), "accountId: is required"),
                Arguments.of("bad account id", vars("accountId", "abc/../x", "reason", "r"), "accountId: must be"),
                Arguments.of("bad email", vars("email", "not-an-email", "reason", "r"), "email: is not a valid"),
                Arguments.of("no reason", vars("accountId", ACCOUNT), "reason: is required"),
                Arguments.of("unknown reason code", vars("accountId", ACCOUNT, "reason", "r", "reasonCode", "BORED"),
                        "reasonCode: must be one of"),
                Arguments.of("groups on an enable", vars("accountId", ACCOUNT, "reason", "r", "groups", "[\"admins\"]"),
                        "groups: is only for adding"),
                Arguments.of("supplied requester", vars("accountId", ACCOUNT, "reason", "r", "requester", "ceo"),
                        "requester: is the authenticated user"));
    }

    // --- the contract's hooks ------------------------------------------------------------------------------

    @Override
    String firstApplyStep() {
        return "reactivate";
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
        return request("LEAVE");
    }

    @Override
    ProcessInstance startAwaitingApproval() {
        return startDisabledAndPlan();
    }

    @Override
    ProcessInstance approved() {
        ProcessInstance instance = startDisabledAndPlan();
        process.completeAs("approver", task(instance), vars("approved", true));
        return instance;
    }

    /** An enable after a disable that released the seats, whose Jira group Atlassian refuses to give back. */
    @Override
    ProcessInstance awaitingResolutionOfARefusedCall() {
        organizationReleasingSeatsOnEveryDisable();
        disableToCompletion();
        ProcessInstance instance = startAndPlan();
        String jiraCall = plannedCall(instance, Operation.ADD_JIRA_GROUP).id();
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests(jiraCall, BusinessError.LICENCE_LIMIT).failure();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        return instance;
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private ProcessInstance start() {
        return process.startAs("requester", KEY, request("LEAVE"));
    }

    private ProcessInstance startAndPlan() {
        return process.startAwaitingApproval(KEY, request("LEAVE"));
    }

    /** An organization-managed account someone deactivated, with no disable on record: the plan reactivates it. */
    private ProcessInstance startDisabledAndPlan() {
        atlassian.account = atlassian.with("inactive", "active", List.of(JIRA_USERS), List.of(CONFLUENCE_USERS));
        return startAndPlan();
    }

    private static Map<String, Object> request(String reasonCode) {
        return vars("accountId", ACCOUNT, "reason", "Back from parental leave", "reasonCode", reasonCode);
    }

    /** Runs account-disable on the fake account, approved by {@code approver}, to its end; forgets its calls. */
    private ProcessInstance disableToCompletion() {
        ProcessInstance disable = process.startAs("requester", DISABLE_KEY,
                vars("accountId", ACCOUNT, "reason", "Parental leave", "reasonCode", "LEAVE"));
        process.runJobs(disable);
        process.completeAs("approver", task(disable), vars("approved", true));
        process.runJobs(disable);
        assertThat(disable).isEnded().hasPassed("end-disabled");
        assertThat(atlassian.account.accountStatus()).isEqualTo("inactive");
        atlassian.applied.clear();
        return disable;
    }

    private ProcessInstance startDisable() {
        return process.startAs("requester", DISABLE_KEY,
                vars("accountId", ACCOUNT, "reason", "Parental leave", "reasonCode", "LEAVE"));
    }

    /** Runs account-enable on the fake account, approved by {@code approver}, to its end; forgets its calls. */
    private ProcessInstance enableToCompletion() {
        ProcessInstance enable = startAndPlan();
        process.completeAs("approver", task(enable), vars("approved", true));
        process.runJobs(enable);
        assertThat(enable).isEnded().hasPassed("end-enabled");
        atlassian.applied.clear();
        return enable;
    }

    /** Product seats are released on every disable, not only for SCIM-managed accounts. */
    private void organizationReleasingSeatsOnEveryDisable() {
        atlassian = new FakeAtlassian(new LifecyclePolicy(SeatRelease.ALWAYS, Provisioning.INVITE, Set.of(),
                Duration.ofDays(30)));
        atlassian.registerBeans();
    }

    /**
     * Like Atlassian's SCIM: a deactivated user no longer shows in SCIM's filters, so only a SCIM id kept from
     * before (the snapshot's) finds it again.
     */
    private void scimHidesDeactivatedUsers() {
        doAnswer(invocation -> {
            AccountFacts facts = atlassian.account;
            if (facts.managedBy() == ManagedBy.SCIM && !facts.isAccountActive()
                    && !Objects.equals(invocation.getArgument(1), facts.scimId())) {
                FakeAtlassian.MutableAccount hidden = new FakeAtlassian.MutableAccount(facts);
                hidden.scimId = null;
                return hidden.facts();
            }
            return facts;
        }).when(atlassian.inspector).byAccountId(anyString(), any());
    }

    private PlannedCall plannedCall(ProcessInstance instance, Operation operation) {
        Plan plan = PlanJson.read((String) process.variable(instance, "plan"), Plan.class);
        return plan.calls().stream().filter(call -> call.operation() == operation).findFirst().orElseThrow();
    }
}
