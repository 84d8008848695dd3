package io.github.atlassianlifecycle.process;

import static io.github.atlassianlifecycle.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.RemindApproversDelegate;

/**
 * What every lifecycle model does the same way: it validates its start variables and its first approval ("approve")
 * follows the four-eyes, comment, reminder and expiry rules. Each model wires these itself (its own validation
 * task, task listener, timers), so each model's test class extends this contract and runs the tests against its
 * own model. (A base class, not an interface: Camunda's test extension finds the class's {@code @Deployment} only
 * for test methods it can reach through the superclasses.)
 *
 * <p>A test class also declares {@code static Stream<Arguments> invalidRequests()}: the model's invalid
 * start variables, each with a name and the problem the validation must report.
 *
 * <p>The rules of issue 9 hold here too, for every model: only the documented start variables enter; a task
 * completion sets only that task's own fields; the process's internal state (plan, approvals, skips, ...) changes
 * only through its own steps; a skip is an administrator's recorded decision, and the request then ends
 * {@code partially-applied}; every way back into applying after a failure passes through the re-check.
 */
abstract class LifecycleModelContract {

    abstract ProcessTestSupport process();

    /** The current fake (a test may replace it). */
    abstract FakeAtlassian atlassian();

    abstract String processKey();

    /** Start variables of a valid request for the fake account as the test class sets it up. */
    abstract Map<String, Object> validRequest();

    /** A valid request started by {@code requester}, planned and waiting at "approve". */
    abstract ProcessInstance startAwaitingApproval();

    /** A valid request with every approval it needs given: the re-check is the next job. */
    abstract ProcessInstance approved();

    /**
     * Approved, and Atlassian refused one call of the plan (a {@code PlanStepFailure}, so {@code failedCall} names
     * it): the request waits at "resolve". Skipping that call must leave a plan that verifies.
     */
    abstract ProcessInstance awaitingResolutionOfARefusedCall();

    /** The model's first service task that makes calls (inside its apply sub-process). */
    abstract String firstApplyStep();

    /** Runs the request on to its end (a delete also waits out its grace period). */
    void runToTheEnd(ProcessInstance instance) {
        process().runJobs(instance);
    }

    // --- start validation ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void an_invalid_request_ends_invalid_without_a_task_or_a_call(String name, Map<String, Object> variables,
            String expectedProblem) {
        ProcessInstance instance = process().startAs("requester", processKey(), variables);

        assertThat(instance).isEnded().hasPassed("end-invalid").hasNotPassed("plan");
        assertThat(process().variable(instance, "outcome")).isEqualTo("invalid");
        assertThat((String) process().variable(instance, "validationErrors")).contains(expectedProblem);
        assertThat(atlassian().applied).isEmpty();
    }

    @Test
    void a_request_started_without_an_authenticated_user_is_invalid() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(processKey(), validRequest());
        assertThat(instance).isEnded().hasPassed("end-invalid");
        assertThat((String) process().variable(instance, "validationErrors"))
                .contains("not started by an authenticated user");
    }

    // --- four eyes on the first approval -------------------------------------------------------------------

    @Test
    void requester_cannot_claim_own_approval() {
        ProcessInstance instance = startAwaitingApproval();
        Task approval = task(instance);
        assertThatThrownBy(() -> process().claimAs("requester", approval))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(task(instance)).isNotAssigned();
    }

    @Test
    void requester_cannot_be_assigned_or_delegated_own_approval() {
        ProcessInstance instance = startAwaitingApproval();
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> taskService().setAssignee(taskId, "requester"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        taskService().setAssignee(taskId, "approver");
        assertThatThrownBy(() -> taskService().delegateTask(taskId, "requester"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThat(task(instance)).isAssignedTo("approver");
    }

    @Test
    void requester_cannot_complete_own_approval() {
        ProcessInstance instance = startAwaitingApproval();
        Task approval = task(instance);
        assertThatThrownBy(() -> process().completeAs("requester", approval, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Four eyes");
        assertThat(instance).isWaitingAt("approve");
        assertThat(atlassian().applied).isEmpty();
    }

    @Test
    void an_approval_without_an_authenticated_user_is_refused() {
        ProcessInstance instance = startAwaitingApproval();
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> taskService().complete(taskId, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("authenticated");
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void an_approval_cannot_change_the_account_or_the_plan_it_approves() {
        ProcessInstance instance = startAwaitingApproval();
        Object accountId = process().variable(instance, "accountId");
        Task approval = task(instance);
        for (Map<String, Object> tampered : List.of(vars("approved", true, "accountId", "someone-else"),
                vars("approved", true, "planHash", "0000"), vars("approved", true, "requester", "approver"))) {
            assertThatThrownBy(() -> process().completeAs("approver", approval, tampered))
                    .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("changed");
        }
        assertThat(instance).isWaitingAt("approve");
        assertThat(process().variable(instance, "accountId")).isEqualTo(accountId);
    }

    // --- comment, reminder, expiry -------------------------------------------------------------------------

    @Test
    void rejecting_without_a_comment_is_refused_and_the_task_stays_open() {
        ProcessInstance instance = startAwaitingApproval();
        Task approval = task(instance);
        assertThatThrownBy(() -> process().completeAs("approver", approval, vars("approved", false)))
                .hasMessageContaining("comment is required");
        assertThat(instance).isWaitingAt("approve");
    }

    @Test
    void a_waiting_approval_reminds_its_approvers_and_stays_open() {
        ProcessInstance instance = startAwaitingApproval();
        process().fireTimer(instance, "approve-reminder");

        assertThat(instance).isWaitingAt("approve").hasPassed("remind", "end-reminded");
        assertThat(task(instance).getPriority()).isEqualTo(RemindApproversDelegate.REMINDED_PRIORITY);
        assertThat(taskService().getTaskComments(task(instance).getId())).singleElement()
                .satisfies(comment -> assertThat(comment.getFullMessage()).contains("Reminder"));
        assertThat(process().variable(instance, "remindersSent")).isEqualTo(1);
        assertThat(process().variable(instance, "outcome")).isNull();
    }

    @Test
    void an_approval_still_unanswered_after_the_reminder_is_escalated_noted_on_the_task_and_stays_open() {
        ProcessInstance instance = startAwaitingApproval();
        process().fireTimer(instance, "approve-reminder");
        process().fireTimer(instance, "approve-escalation");

        assertThat(instance).isWaitingAt("approve").hasPassed("escalate", "end-escalated");
        assertThat(taskService().getTaskComments(task(instance).getId())).extracting(comment -> comment.getFullMessage())
                .contains("Still unanswered after the reminder. No escalation group is configured"
                        + " (atlassian.notifications.escalation-group).");
        assertThat(process().variable(instance, "outcome")).isNull();
        process().completeAs("approver", task(instance), vars("approved", false, "comment", "no"));
        assertThat(instance).isEnded().hasPassed("end-rejected");
    }

    @Test
    void a_request_withdrawn_while_it_waits_ends_quietly_with_its_listeners_run() {
        ProcessInstance instance = startAwaitingApproval();
        runtimeService().deleteProcessInstance(instance.getId(), "withdrawn by the requester");

        assertThat(instance).isEnded();
        assertThat(process().variable(instance, "outcome")).isNull();
    }

    @Test
    void an_approval_nobody_decides_expires_the_request() {
        ProcessInstance instance = startAwaitingApproval();
        process().fireTimer(instance, "approve-expiry");

        assertThat(instance).isEnded().hasPassed("end-expired");
        assertThat(process().variable(instance, "outcome")).isEqualTo("expired");
        assertThat(atlassian().applied).isEmpty();
    }

    // --- only documented inputs enter ----------------------------------------------------------------------

    /** Internal variables of the models, and one no model knows: none of them is a start variable. */
    static Stream<String> undocumentedStartVariables() {
        return Stream.of("skippedCalls", "snapshot", "approvals", "appliedCalls", "undoPlan", "resolution",
                "resolutions", "preApproved", "needsSecondApproval", "drifted", "plan", "planHash", "planText",
                "requesterIsAutomation", "valid", "outcome", "stateSeal", "favouriteColour");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undocumentedStartVariables")
    void a_start_with_a_variable_the_model_does_not_document_ends_invalid_before_any_call(String name) {
        Map<String, Object> variables = validRequest();
        variables.put(name, "[\"1\"]");
        ProcessInstance instance = process().startAs("requester", processKey(), variables);
        process().runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-invalid").hasNotPassed("plan");
        assertThat(process().variable(instance, "outcome")).isEqualTo("invalid");
        assertThat((String) process().variable(instance, "validationErrors"))
                .contains(name + ": is not a start variable");
        assertThat(atlassian().applied).isEmpty();
    }

    // --- a completion sets only the task's own fields ------------------------------------------------------

    static Stream<Arguments> variablesAnApprovalMustNotSet() {
        return Stream.of(Arguments.of("skippedCalls", "[\"1\"]"), Arguments.of("snapshot", "{}"),
                Arguments.of("resolutions", "[]"), Arguments.of("outcome", "completed"),
                Arguments.of("needsSecondApproval", "maybe"), Arguments.of("driftCount", 0),
                Arguments.of("failedAt", "plan"), Arguments.of("stateSeal", "forged"),
                Arguments.of("partiallyApplied", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variablesAnApprovalMustNotSet")
    void an_approval_that_also_sets_another_variable_is_refused_and_changes_nothing(String name, Object value) {
        ProcessInstance instance = startAwaitingApproval();
        Task approval = task(instance);
        Object before = process().variable(instance, name);

        assertThatThrownBy(() -> process().completeAs("approver", approval,
                vars("approved", true, "comment", "fine", name, value)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining(name);

        assertThat(instance).isWaitingAt("approve");
        assertThat(process().variable(instance, name)).isEqualTo(before);
        assertThat(process().approvals(instance)).isEmpty();
        assertThat(atlassian().applied).isEmpty();
    }

    @Test
    void a_variable_written_through_the_task_before_it_is_completed_refuses_the_completion() {
        ProcessInstance instance = startAwaitingApproval();
        Task approval = task(instance);
        taskService().setVariable(approval.getId(), "skippedCalls", "[\"1\"]");

        assertThatThrownBy(() -> process().completeAs("approver", approval, vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("skippedCalls");
        assertThat(instance).isWaitingAt("approve");
        assertThat(atlassian().applied).isEmpty();
    }

    @Test
    void an_approval_may_send_read_only_fields_back_unchanged() {
        ProcessInstance instance = startAwaitingApproval();
        Task approval = task(instance);
        Map<String, Object> submitted = vars("approved", true, "comment", "",
                "requester", process().variable(instance, "requester"),
                "reason", process().variable(instance, "reason"),
                "action", process().variable(instance, "action"),
                "routingRule", process().variable(instance, "routingRule"));

        process().completeAs("approver", approval, submitted);

        assertThat(instance).hasPassed("approve");
        assertThat(process().approvals(instance)).singleElement()
                .satisfies(decision -> assertThat(decision.approver()).isEqualTo("approver"));
    }

    @Test
    void a_reminder_while_the_approval_waits_does_not_stop_it_being_completed() {
        ProcessInstance instance = startAwaitingApproval();
        process().fireTimer(instance, "approve-reminder");

        process().completeAs("approver", task(instance), vars("approved", true, "comment", "fine"));

        assertThat(instance).hasPassed("approve", "remind");
        assertThat(process().approvals(instance)).hasSize(1);
    }

    // --- internal state belongs to the process -------------------------------------------------------------

    @Test
    void a_plan_changed_behind_the_process_after_its_approval_is_never_applied() {
        ProcessInstance instance = approved();
        Plan plan = PlanJson.read((String) process().variable(instance, "plan"), Plan.class);
        List<PlannedCall> calls = new ArrayList<>(plan.calls());
        calls.add(new PlannedCall(String.valueOf(calls.size() + 1), PlanStep.GROUPS, Operation.ADD_ORG_GROUP,
                "the account to group org-admins", Map.of("accountId", "x", "groupId", "o-admins",
                        "groupName", "org-admins"), "grants organization administration"));
        Plan tampered = new Plan(plan.action(), plan.account(), calls, plan.notes());
        // What an operator with rights on the instance could do through PUT /process-instance/{id}/variables/plan
        runtimeService().setVariable(instance.getId(), "plan", SpinValues.jsonValue(PlanJson.write(tampered)).create());

        Throwable refused = catchThrowable(() -> process().runJobs(instance));

        assertThat(atlassian().applied).extracting(PlannedCall::target).doesNotContain("the account to group org-admins");
        assertThat(atlassian().applied).isEmpty();
        assertThat(refused).as("refused loudly").isNotNull().hasMessageContaining("plan");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .as("an incident, at once").isEqualTo(1);
    }

    @Test
    void a_start_at_a_later_step_that_skips_the_listeners_is_refused_before_any_call() {
        Plan forged = new Plan(io.github.atlassianlifecycle.lifecycle.LifecycleAction.ofProcessKey(processKey()),
                atlassian().account, List.of(new PlannedCall("1", PlanStep.ACCOUNT, Operation.DEACTIVATE, "anyone",
                        Map.of("accountId", FakeAtlassian.ACCOUNT), Operation.DEACTIVATE.effect())), List.of());
        Map<String, Object> variables = validRequest();
        variables.put("plan", SpinValues.jsonValue(PlanJson.write(forged)).create());
        variables.put("planHash", PlanJson.hash(forged));
        variables.put("step", "ACCOUNT");
        // What POST /process-definition/key/{key}/start with startInstructions and skipCustomListeners asks for
        ProcessInstance instance = process().startAtAs("requester", processKey(), firstApplyStep(), variables);

        Throwable refused = catchThrowable(() -> process().runJobs(instance));

        assertThat(atlassian().applied).isEmpty();
        assertThat(refused).as("refused loudly").isNotNull().hasMessageContaining("no valid seal");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }

    // --- a skip is a decision, not a variable --------------------------------------------------------------

    @Test
    void only_an_administrator_resolves_a_refused_call() {
        ProcessInstance instance = awaitingResolutionOfARefusedCall();
        Task resolve = task(instance);

        assertThatThrownBy(() -> process().completeAs("approver", resolve,
                vars("resolution", "skip", "comment", "it is only one group")))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("camunda-admin");
        assertThat(instance).isWaitingAt("resolve");
        assertThat(process().variable(instance, "resolutions")).isNull();
    }

    @Test
    void a_skip_needs_a_comment() {
        ProcessInstance instance = awaitingResolutionOfARefusedCall();
        Task resolve = task(instance);
        assertThatThrownBy(() -> process().completeAs("demo", resolve, vars("resolution", "skip")))
                .hasMessageContaining("Say why");
        assertThat(instance).isWaitingAt("resolve");
    }

    @Test
    void a_resolution_that_also_sets_another_variable_is_refused() {
        ProcessInstance instance = awaitingResolutionOfARefusedCall();
        Task resolve = task(instance);
        assertThatThrownBy(() -> process().completeAs("demo", resolve,
                vars("resolution", "retry", "skippedCalls", "[\"1\",\"2\",\"3\"]")))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("skippedCalls");
        assertThat(instance).isWaitingAt("resolve");
    }

    @Test
    void a_skipped_call_is_an_administrators_recorded_decision_and_the_request_ends_partially_applied() {
        ProcessInstance instance = awaitingResolutionOfARefusedCall();
        String failedCall = (String) process().variable(instance, "failedCall");
        assertThat(failedCall).isNotNull();

        process().completeAs("demo", task(instance), vars("resolution", "skip", "comment", "the group is IdP-synced"));
        runToTheEnd(instance);

        assertThat(instance).isEnded();
        assertThat(process().variable(instance, "outcome")).isEqualTo("partially-applied");
        JsonNode resolutions = json(process().variable(instance, "resolutions"));
        assertThat(resolutions).singleElement().satisfies(resolution -> {
            assertThat(resolution.path("choice").asText()).isEqualTo("skip");
            assertThat(resolution.path("by").asText()).isEqualTo("demo");
            assertThat(resolution.path("comment").asText()).isEqualTo("the group is IdP-synced");
            assertThat(resolution.path("failedCall").asText()).isEqualTo(failedCall);
            assertThat(resolution.path("at").asText()).isNotBlank();
        });
        assertThat((String) process().variable(instance, "appliedCalls")).contains("SKIPPED");
    }

    @Test
    void a_retry_after_a_refused_call_looks_at_the_account_again_before_applying() {
        ProcessInstance instance = awaitingResolutionOfARefusedCall();

        process().completeAs("demo", task(instance), vars("resolution", "retry"));
        process().runJobs(instance);

        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("recheck").count()).as("re-checked before the first and before the second attempt")
                .isEqualTo(2);
        assertThat(json(process().variable(instance, "resolutions"))).singleElement()
                .satisfies(resolution -> assertThat(resolution.path("choice").asText()).isEqualTo("retry"));
    }

    private static JsonNode json(Object text) {
        try {
            return new ObjectMapper().readTree(String.valueOf(text));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
