package io.github.atlassianlifecycle.process;

import static io.github.atlassianlifecycle.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailureForTests;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlanText;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.RemindApproversDelegate;

@Deployment(resources = { "atlassian-lifecycle/account-add.bpmn", "atlassian-lifecycle/approval-routing.dmn",
        "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
class AccountAddProcessTest extends LifecycleModelContract {

    static final String KEY = "account-add";
    static final String PRE_APPROVED_ADD = "routing/approval-routing-pre-approved-add.dmn";
    static final String EMAIL = "grace.hopper@demo.example";
    static final String NAME = "Grace Hopper";
    static final String EXISTING = "5b10ac8d82e05b22cc7d4ef6";
    static final GroupRef ENGINEERING = new GroupRef("o-engineering", "engineering");
    static final GroupRef DEVELOPERS = new GroupRef("j-developers", "developers");
    static final String GROUPS = "[\"engineering\",\"jira:developers\",\"confluence:space-editors\"]";

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(ProcessTestSupport.ENGINE_CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

    FakeAtlassian atlassian = new FakeAtlassian();
    ProcessTestSupport process;

    @BeforeEach
    void setUp() {
        atlassian.account = AccountFacts.absent(EMAIL);
        atlassian.registerBeans();
        process = new ProcessTestSupport(extension.getProcessEngine());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    // --- the happy paths -----------------------------------------------------------------------------------

    @Test
    void an_approved_add_invites_a_new_person_then_adds_the_groups_and_ends_completed() {
        ProcessInstance instance = start(GROUPS);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-approvers");
        assertThat((String) process.variable(instance, "planText")).contains("invite — " + NAME + " <" + EMAIL + ">",
                "group engineering", "Jira group developers", "Confluence group space-editors");
        assertThat((String) process.variable(instance, "accountSummary")).contains("No account yet for " + EMAIL);
        assertThat(process.variable(instance, "privilegedGroups")).isEqualTo(false);

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder("create-account", "add-to-groups", "verify", "end-added")
                .hasNotPassed("approve-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.INVITE,
                Operation.ADD_ORG_GROUP, Operation.ADD_JIRA_GROUP, Operation.ADD_CONFLUENCE_GROUP);
        assertThat(atlassian.account.exists()).isTrue();
        assertThat(atlassian.account.email()).isEqualTo(EMAIL);
        assertThat(atlassian.account.name()).isEqualTo(NAME);
        assertThat(atlassian.account.orgGroups()).containsExactly(ENGINEERING);
        assertThat(atlassian.account.jiraGroups()).containsExactly(DEVELOPERS);
        assertThat(atlassian.account.confluenceGroups()).extracting(GroupRef::name).containsExactly("space-editors");
        assertThat(process.approvals(instance)).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo("approver");
            assertThat(approval.planHash()).isEqualTo(process.variable(instance, "planHash"));
        });
        assertThat((String) process.variable(instance, "appliedCalls")).contains("APPLIED").doesNotContain("SKIPPED");
    }

    @Test
    void a_plan_longer_than_a_string_variable_holds_is_shown_to_the_approver_whole() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            many.add(String.format("engineering-team-with-a-rather-long-name-%02d", i));
        }
        ProcessInstance instance = startAndPlan(PlanJson.write(many));
        Plan plan = PlanJson.read((String) process.variable(instance, "plan"), Plan.class);
        String whole = PlanText.of(plan);
        assertThat(whole.length()).as("longer than a String variable's 4000 characters").isGreaterThan(4000);

        // What Tasklist loads for the form (GET /task/{id}/form-variables), as the form shows it
        TypedValue shown = extension.getProcessEngine().getFormService()
                .getTaskFormVariables(task(instance).getId(), List.of("planText"), false).getValueTyped("planText");
        assertThat(shownText(shown)).isEqualTo(whole).contains("engineering-team-with-a-rather-long-name-45");
    }

    /** The text a form shows for a variable: a JSON-serialized value is parsed first (as Tasklist does). */
    private static String shownText(TypedValue value) {
        if (value instanceof org.camunda.bpm.engine.variable.value.SerializableValue json
                && "application/json".equals(json.getSerializationDataFormat())) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.getValueSerialized(), String.class);
            } catch (Exception e) {
                throw new AssertionError("not a JSON string: " + json.getValueSerialized(), e);
            }
        }
        return String.valueOf(value.getValue());
    }

    @Test
    void a_person_without_groups_is_only_invited() {
        ProcessInstance instance = process.startAs("requester", KEY,
                vars("email", EMAIL, "displayName", NAME, "reason", "New hire"));
        process.runJobs(instance);
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.INVITE);
    }

    @Test
    void an_existing_active_member_only_gets_the_groups_it_is_missing() {
        atlassian.account = member("active", List.of(ENGINEERING), List.of());
        ProcessInstance instance = startAndPlan(GROUPS);
        String planText = (String) process.variable(instance, "planText");
        assertThat(planText).doesNotContain("invite", "group engineering")
                .contains("Jira group developers", "Confluence group space-editors")
                .contains("Note: An account already exists for " + EMAIL + " (" + EXISTING + "); it is reused.");
        assertThat(process.variable(instance, "accountId")).isEqualTo(EXISTING);

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.ADD_JIRA_GROUP,
                Operation.ADD_CONFLUENCE_GROUP);
        assertThat(atlassian.account.accountId()).isEqualTo(EXISTING);
        assertThat(atlassian.account.orgGroups()).containsExactly(ENGINEERING);
    }

    @Test
    void an_existing_member_already_in_every_requested_group_needs_no_approval_and_ends_completed() {
        atlassian.account = member("active", List.of(ENGINEERING), List.of(DEVELOPERS));
        ProcessInstance instance = start("[\"engineering\",\"jira:developers\"]");
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-nothing-to-do").hasNotPassed("approve");
        assertThat(process.variable(instance, "outcome")).isEqualTo("completed");
        assertThat((String) process.variable(instance, "planText")).contains("No changes");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void with_scim_provisioning_a_new_person_is_created_through_scim() {
        atlassian = new FakeAtlassian(new LifecyclePolicy(LifecyclePolicy.SeatRelease.SCIM_ONLY,
                LifecyclePolicy.Provisioning.SCIM, LifecyclePolicy.defaults().privilegedGroups(), Duration.ofDays(30)));
        atlassian.account = AccountFacts.absent(EMAIL);
        atlassian.registerBeans();
        ProcessInstance instance = startAndPlan("[\"engineering\"]");
        assertThat((String) process.variable(instance, "planText")).contains("SCIM — create user").doesNotContain("invite");

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.SCIM_CREATE,
                Operation.ADD_ORG_GROUP);
        assertThat(atlassian.account.managedBy()).isEqualTo(ManagedBy.SCIM);
        assertThat(atlassian.account.scimId()).isNotNull();
    }

    @Test
    @Deployment(resources = { "atlassian-lifecycle/account-add.bpmn", PRE_APPROVED_ADD,
            "atlassian-lifecycle/approve-request.form", "atlassian-lifecycle/resolve-failure.form" })
    void a_routing_rule_that_pre_approves_an_add_is_honoured() {
        ProcessInstance instance = process.startAs("service-desk", List.of("lifecycle-automation"), KEY,
                vars("email", EMAIL, "displayName", NAME, "groups", "[\"engineering\"]", "reason", "Ticket 42",
                        "reasonCode", "ACCESS_REQUEST"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-added").hasNotPassed("approve");
        assertThat(process.approvals(instance)).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo(Approval.POLICY);
            assertThat(approval.comment()).contains("ordinary access request");
        });
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.INVITE,
                Operation.ADD_ORG_GROUP);
    }

    @Test
    void an_add_is_never_pre_approved_by_the_shipped_routing_even_from_automation() {
        ProcessInstance instance = process.startAs("service-desk", List.of("lifecycle-automation"), KEY,
                vars("email", EMAIL, "displayName", NAME, "groups", "[\"engineering\"]", "reason", "Ticket 42",
                        "reasonCode", "ACCESS_REQUEST"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
    }

    // --- privileged groups: a second approval --------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "org-admins", "jira:jira-administrators", "confluence:Confluence-Administrators" })
    void a_privileged_group_needs_a_second_approval_by_security_from_someone_other_than_the_first_approver(
            String privileged) {
        ProcessInstance instance = startAndPlan("[\"engineering\",\"" + privileged + "\"]");
        assertThat(process.variable(instance, "privilegedGroups")).isEqualTo(true);
        assertThat((String) process.variable(instance, "planText")).contains("is privileged: a second approval is required");
        assertThat(process.variable(instance, "routingRule")).isEqualTo("the request grants a privileged group");

        process.completeAs("approver", task(instance), vars("approved", true, "comment", "ok"));
        assertThat(instance).isWaitingAt("approve-second");
        assertThat(task(instance)).hasCandidateGroup("lifecycle-security");
        assertThat(taskService().getVariable(task(instance).getId(), "comment")).as("no comment carries over").isNull();

        Task second = task(instance);
        assertThatThrownBy(() -> process.completeAs("approver", second, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("already approved");
        assertThatThrownBy(() -> process.claimAs("approver", second)).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> process.completeAs("requester", second, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("requested this change");
        assertThat(instance).isWaitingAt("approve-second");

        process.completeAs("security", second, vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(process.approvals(instance)).extracting(Approval::approver).containsExactly("approver", "security");
        assertThat(atlassian.applied).extracting(PlannedCall::target)
                .anySatisfy(target -> assertThat(target).endsWith(privileged.substring(privileged.indexOf(':') + 1)));
    }

    @Test
    void the_second_approver_can_reject_a_privileged_grant() {
        ProcessInstance instance = startAndPlan("[\"org-admins\"]");
        process.completeAs("approver", task(instance), vars("approved", true));
        process.completeAs("security", task(instance), vars("approved", false, "comment", "no admin rights for new hires"));

        assertThat(instance).isEnded().hasPassed("end-rejected-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(atlassian.applied).isEmpty();
        assertThat(atlassian.account.exists()).isFalse();
    }

    @Test
    void a_second_approval_also_reminds_and_expires() {
        ProcessInstance instance = startAndPlan("[\"org-admins\"]");
        process.completeAs("approver", task(instance), vars("approved", true));
        process.fireTimer(instance, "approve-second-reminder");
        assertThat(instance).isWaitingAt("approve-second").hasPassed("remind", "end-reminded");
        assertThat(task(instance).getPriority()).isEqualTo(RemindApproversDelegate.REMINDED_PRIORITY);

        process.fireTimer(instance, "approve-second-expiry");
        assertThat(instance).isEnded().hasPassed("end-expired-second");
        assertThat(process.variable(instance, "outcome")).isEqualTo("expired");
        assertThat(atlassian.applied).isEmpty();
    }

    // --- rejection, reminders, expiry ----------------------------------------------------------------------

    @Test
    void a_rejected_add_ends_rejected_and_creates_nothing() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", false, "comment", "not a real hire"));

        assertThat(instance).isEnded().hasPassed("end-rejected");
        assertThat(process.variable(instance, "outcome")).isEqualTo("rejected");
        assertThat(process.approvals(instance)).singleElement()
                .satisfies(approval -> assertThat(approval.comment()).isEqualTo("not a real hire"));
        assertThat(atlassian.applied).isEmpty();
        assertThat(atlassian.account.exists()).isFalse();
    }

    // --- four eyes -----------------------------------------------------------------------------------------

    @Test
    void an_approval_cannot_change_the_person_or_the_groups_it_approves() {
        ProcessInstance instance = startAndPlan("[\"engineering\"]");
        Task approval = task(instance);
        for (Map<String, Object> tampered : List.of(vars("approved", true, "groups", "[\"org-admins\"]"),
                vars("approved", true, "email", "mallory@demo.example"), vars("approved", true, "displayName", "Mallory"))) {
            assertThatThrownBy(() -> process.completeAs("approver", approval, tampered))
                    .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("changed");
        }
        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "groups")).isEqualTo("[\"engineering\"]");
    }

    // --- drift ---------------------------------------------------------------------------------------------

    @Test
    void an_account_that_appears_after_approval_goes_back_to_approval_with_the_new_plan() {
        ProcessInstance instance = startAndPlan("[\"engineering\",\"jira:developers\"]");
        String approvedHash = (String) process.variable(instance, "planHash");
        process.completeAs("approver", task(instance), vars("approved", true));

        // Meanwhile someone invites the person by hand and puts them in engineering.
        atlassian.account = member("active", List.of(ENGINEERING), List.of());
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("approve");
        assertThat(process.variable(instance, "drifted")).isEqualTo(true);
        assertThat(process.variable(instance, "planHash")).isNotEqualTo(approvedHash);
        assertThat((String) process.variable(instance, "planText")).doesNotContain("invite").contains("already exists");
        assertThat(atlassian.applied).isEmpty();

        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.ADD_JIRA_GROUP);
        assertThat(atlassian.account.accountId()).as("the account found is used, not a second one").isEqualTo(EXISTING);
        assertThat(process.approvals(instance)).hasSize(2);
    }

    // --- business errors while planning --------------------------------------------------------------------

    @Test
    void an_email_whose_account_is_deactivated_is_not_eligible_and_an_administrator_aborts() {
        atlassian.account = member("inactive", List.of(ENGINEERING), List.of());
        ProcessInstance instance = start(GROUPS);
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(task(instance)).hasCandidateGroup("camunda-admin");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_ELIGIBLE");
        assertThat((String) process.variable(instance, "failureMessage")).contains("deactivated", "account-enable");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("plan");

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "use account-enable"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void an_email_whose_account_is_scheduled_for_deletion_is_not_eligible() {
        atlassian.account = new AccountFacts(true, EXISTING, EMAIL, NAME, ManagedBy.ORGANIZATION, "inactive", "active",
                true, null, null, List.of(), false, List.of(), List.of());
        ProcessInstance instance = start(GROUPS);
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat((String) process.variable(instance, "failureMessage")).contains("scheduled for deletion");
    }

    @Test
    void an_unknown_group_goes_to_an_administrator_who_can_abort() {
        ProcessInstance instance = start("[\"engineering\",\"jira:unknown-team\"]");
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("UNKNOWN_GROUP");
        assertThat((String) process.variable(instance, "failureMessage")).contains("unknown-team");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("plan");

        Task resolve = task(instance);
        assertThatThrownBy(() -> process.completeAs("demo", resolve, vars("resolution", "abort")))
                .hasMessageContaining("Say why");
        process.completeAs("demo", resolve, vars("resolution", "abort", "comment", "no such team"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.applied).isEmpty();
        assertThat(atlassian.account.exists()).isFalse();
    }

    @Test
    void an_unknown_group_can_be_retried_once_the_group_has_been_created() {
        // The group is missing on the first read only: an administrator creates it, then retries.
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.UNKNOWN_GROUP);
        ProcessInstance instance = start(GROUPS);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        Task resolve = task(instance);
        assertThatThrownBy(() -> process.completeAs("demo", resolve, vars("resolution", "skip", "comment", "x")))
                .hasMessageContaining("Nothing to skip");

        process.completeAs("demo", resolve, vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("approve");
        process.completeAs("approver", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-added");
    }

    @Test
    void a_refused_re_check_goes_to_an_administrator_and_can_be_retried() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.nextReadFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("recheck");

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).filteredOn(call -> call.operation() == Operation.INVITE).hasSize(1);
    }

    // --- failures while applying ---------------------------------------------------------------------------

    @Test
    void a_refused_create_can_be_retried_and_creates_the_account_once() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.LICENCE_LIMIT);
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("LICENCE_LIMIT");
        assertThat(process.variable(instance, "failedAt")).isEqualTo("apply");
        assertThat(atlassian.account.exists()).isFalse();

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).filteredOn(call -> call.operation() == Operation.INVITE).hasSize(1);
        assertThat(atlassian.account.exists()).isTrue();
    }

    @Test
    void a_refused_create_can_be_aborted_and_nothing_else_is_done() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.runJobs(instance);

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "org key revoked"));
        assertThat(instance).isEnded().hasPassed("end-failed").hasNotPassed("add-to-groups");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.applied).isEmpty();
    }

    @Test
    void a_refused_group_retried_does_not_create_the_account_again() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.LICENCE_LIMIT);
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        String created = atlassian.account.accountId();
        assertThat(created).isNotNull();

        process.completeAs("demo", task(instance), vars("resolution", "retry"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).filteredOn(call -> call.operation() == Operation.INVITE).hasSize(1);
        assertThat(atlassian.account.accountId()).isEqualTo(created);
        assertThat((String) process.variable(instance, "appliedCalls")).contains("ALREADY_DONE");
        assertThat(atlassian.account.jiraGroups()).containsExactly(DEVELOPERS);
    }

    @Test
    void a_refused_group_of_a_new_person_can_be_skipped_and_the_rest_still_runs() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        // Call 3 is "add to Jira group developers".
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests("3", BusinessError.LICENCE_LIMIT).failure();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failedCall")).isEqualTo("3");

        process.completeAs("demo", task(instance), vars("resolution", "skip", "comment", "no Jira seat left"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat((String) process.variable(instance, "resolutions")).as("the skip, on record")
                .contains("\"choice\":\"skip\"", "\"failedCall\":\"3\"");
        assertThat(process.variable(instance, "outcome")).isEqualTo("partially-applied");
        assertThat(atlassian.account.jiraGroups()).isEmpty();
        assertThat(atlassian.account.orgGroups()).containsExactly(ENGINEERING);
        assertThat(atlassian.account.confluenceGroups()).hasSize(1);
    }

    @Test
    void a_refused_group_can_be_aborted_and_the_created_account_stays() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = FakeAtlassian.refused(BusinessError.NOT_AUTHORIZED);
        process.runJobs(instance);

        process.completeAs("demo", task(instance), vars("resolution", "abort", "comment", "wrong groups"));
        assertThat(instance).isEnded().hasPassed("end-failed");
        assertThat(process.variable(instance, "outcome")).isEqualTo("failed");
        assertThat(atlassian.applied).extracting(PlannedCall::operation).containsExactly(Operation.INVITE);
    }

    @Test
    void an_account_that_does_not_read_back_in_its_groups_goes_to_an_administrator() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        // Atlassian answers 204 to the group calls, but the memberships never show.
        Mockito.doAnswer(invocation -> List.of()).when(atlassian.executor)
                .apply(ArgumentMatchers.any(), ArgumentMatchers.eq(PlanStep.GROUPS), ArgumentMatchers.any());
        process.runJobs(instance);

        assertThat(instance).isWaitingAt("resolve");
        assertThat(process.variable(instance, "failureCode")).isEqualTo("NOT_AS_PLANNED");
        assertThat((String) process.variable(instance, "failureMessage")).contains("still needs", "developers");
    }

    @Test
    void a_transient_failure_of_the_create_is_retried_by_the_engine() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        atlassian.failingStep = PlanStep.ACCOUNT;
        atlassian.nextApplyFailure = FakeAtlassian.unavailable();

        assertThatThrownBy(() -> process.runJobs(instance)).hasMessageContaining("timed out");
        assertThat(instance).isWaitingAt("create-account");
        Job create = job(instance);
        assertThat(create.getRetries()).isEqualTo(4);
        assertThat(create.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(50));

        extension.getProcessEngine().getManagementService().executeJob(create.getId());
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-added");
        assertThat(atlassian.applied).filteredOn(call -> call.operation() == Operation.INVITE).hasSize(1);
    }

    // --- invalid requests ----------------------------------------------------------------------------------

    static Stream<Arguments> invalidRequests() {
        String tooMany = IntStream.rangeClosed(1, 51).mapToObj(i -> "\"team-" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of("no email", vars("displayName", NAME, "reason", "r"), "email: is required"),
                Arguments.of("bad email", vars("email", "grace at demo", "displayName", NAME, "reason", "r"),
                        "email: is not a valid email address"),
                Arguments.of("no display name", vars("email", EMAIL, "reason", "r"), "displayName: is required"),
                Arguments.of("groups not JSON", vars("email", EMAIL, "displayName", NAME, "reason", "r", "groups",
                        "engineering"), "groups: must be a JSON array of group names"),
                Arguments.of("groups a JSON object", vars("email", EMAIL, "displayName", NAME, "reason", "r", "groups",
                        "{\"name\":\"engineering\"}"), "groups: must be a JSON array of group names"),
                Arguments.of("groups not names", vars("email", EMAIL, "displayName", NAME, "reason", "r", "groups",
                        "[42]"), "groups: each group must be a name"),
                Arguments.of("too many groups", vars("email", EMAIL, "displayName", NAME, "reason", "r", "groups",
                        tooMany), "groups: must hold at most 50 groups"),
                Arguments.of("account id given", vars("accountId", EXISTING, "email", EMAIL, "displayName", NAME,
                        "reason", "r"), "accountId: must not be given when adding an account"),
                Arguments.of("no reason", vars("email", EMAIL, "displayName", NAME), "reason: is required"),
                Arguments.of("supplied requester", vars("email", EMAIL, "displayName", NAME, "reason", "r",
                        "requester", "ceo"), "requester: is the authenticated user"));
    }

    // --- the contract's hooks ------------------------------------------------------------------------------

    @Override
    String firstApplyStep() {
        return "create-account";
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
        return request(GROUPS);
    }

    @Override
    ProcessInstance startAwaitingApproval() {
        return startAndPlan(GROUPS);
    }

    @Override
    ProcessInstance approved() {
        ProcessInstance instance = startAndPlan(GROUPS);
        process.completeAs("approver", task(instance), vars("approved", true));
        return instance;
    }

    /** A new person whose call 3 (add to Jira group developers) Atlassian refuses: no seat left. */
    @Override
    ProcessInstance awaitingResolutionOfARefusedCall() {
        ProcessInstance instance = approved();
        atlassian.failingStep = PlanStep.GROUPS;
        atlassian.nextApplyFailure = new PlanStepFailureForTests("3", BusinessError.LICENCE_LIMIT).failure();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("resolve");
        return instance;
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private ProcessInstance start(String groups) {
        return process.startAs("requester", KEY, request(groups));
    }

    private ProcessInstance startAndPlan(String groups) {
        return process.startAwaitingApproval(KEY, request(groups));
    }

    private static Map<String, Object> request(String groups) {
        return vars("email", EMAIL, "displayName", NAME, "groups", groups, "reason", "Joins engineering",
                "reasonCode", "ACCESS_REQUEST");
    }

    /** An existing account with this email, in these organization and Jira groups. */
    private static AccountFacts member(String accountStatus, List<GroupRef> orgGroups, List<GroupRef> jiraGroups) {
        return new AccountFacts(true, EXISTING, EMAIL, NAME, ManagedBy.ORGANIZATION, accountStatus, "active", false,
                null, null, orgGroups, !jiraGroups.isEmpty(), jiraGroups, List.of());
    }
}
