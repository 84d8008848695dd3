package io.github.atlassianlifecycle.process;

import static io.github.atlassianlifecycle.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every lifecycle model does the same way: it validates its start variables and its first approval ("approve")
 * follows the four-eyes, comment, reminder and expiry rules. Each model wires these itself (its own validation
 * task, task listener, timers), so each model's test class extends this contract and runs the tests against its
 * own model. (A base class, not an interface: Camunda's test extension finds the class's {@code @Deployment} only
 * for test methods it can reach through the superclasses.)
 *
 * <p>A test class also declares {@code static Stream<Arguments> invalidRequests()}: the model's invalid
 * start variables, each with a name and the problem the validation must report.
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
    void an_approval_nobody_decides_expires_the_request() {
        ProcessInstance instance = startAwaitingApproval();
        process().fireTimer(instance, "approve-expiry");

        assertThat(instance).isEnded().hasPassed("end-expired");
        assertThat(process().variable(instance, "outcome")).isEqualTo("expired");
        assertThat(atlassian().applied).isEmpty();
    }
}
