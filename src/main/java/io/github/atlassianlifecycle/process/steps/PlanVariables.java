package io.github.atlassianlifecycle.process.steps;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanText;
import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/** The plan as process variables: written for the models, forms and evidence, read back, and computed again. */
public final class PlanVariables {

    /** A String variable holds up to 4000 characters; longer one-line texts (the account summary) are cut here. */
    static final int MAX_TEXT = 3800;

    private PlanVariables() {
    }

    /**
     * The plan, its hash, and the text approvers read. The text is a String held as JSON (an object variable in
     * the JSON format, which has no length limit, unlike a String variable's 4000 characters): Tasklist parses JSON
     * variables before it fills a form, so the form shows the whole plan, and the REST API answers it as a string.
     */
    static void write(DelegateExecution execution, Plan plan) {
        JsonVariables.set(execution, ProcessVariables.PLAN, plan);
        execution.setVariable(ProcessVariables.PLAN_HASH, PlanJson.hash(plan));
        execution.setVariable(ProcessVariables.PLAN_TEXT, Variables.objectValue(PlanText.of(plan))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable(ProcessVariables.ACCOUNT_SUMMARY, shorten(PlanText.account(plan.account())));
        execution.setVariable(ProcessVariables.NO_CHANGES, plan.isEmpty());
        if (execution.getVariable(ProcessVariables.ACCOUNT_ID) == null && plan.account().accountId() != null) {
            execution.setVariable(ProcessVariables.ACCOUNT_ID, plan.account().accountId());
        }
    }

    /** The text of {@code planText} as stored (a JSON string; a plain String from before it was one). */
    public static String text(Object stored) {
        if (stored == null) {
            return null;
        }
        String text = stored.toString();
        try {
            return text.startsWith("\"") ? PlanJson.read(text, String.class) : text;
        } catch (IllegalArgumentException notJson) {
            return text;
        }
    }

    /**
     * Where every step that acts on the plan starts: the process state's seal checked, then the plan, which must be
     * the one its approvers approved.
     */
    static Plan approved(DelegateExecution execution) {
        ProcessState.verify(execution);
        Plan plan = read(execution);
        Approvals.requireApproved(execution, plan);
        return plan;
    }

    static Plan read(DelegateExecution execution) {
        Plan plan = JsonVariables.get(execution, ProcessVariables.PLAN, Plan.class);
        if (plan == null) {
            throw new IllegalStateException("the process has no plan yet");
        }
        return plan;
    }

    /**
     * The plan for the same request computed again from live state, with the snapshot and SCIM id the approved plan
     * relied on (and, for an enable, the deletion in its grace period it cancels). Refusals by Atlassian become the
     * model's business errors.
     */
    static Plan planAgain(DelegateExecution execution, RequestPlanner planner, Plan approved) {
        Optional<AccountSnapshot> snapshot = Optional.ofNullable(
                JsonVariables.get(execution, ProcessVariables.SNAPSHOT, AccountSnapshot.class));
        try {
            Plan now = planner.planAgain(RequestVariables.request(execution, approved.action()), snapshot,
                    approved);
            return approved.action() == LifecycleAction.ENABLE ? PendingDeletion.noted(execution, now) : now;
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text
                : text.substring(0, MAX_TEXT) + "\n... (cut here; the variable 'plan' holds all of it)";
    }
}
