package io.github.atlassianlifecycle.process.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * The drift check, just before applying, and on every way back into applying after a failure: the plan must be the
 * approved one ({@link Approvals}), and computed again from live state it must not have changed. Before any call of
 * it was made, any difference is drift; once some were made (a retry, a skip), what is left must be a part of the
 * approved calls, and anything new or different is drift. On drift the new plan replaces it and {@code drifted}
 * sends the request back to approval. A plan that keeps changing goes to a person instead of looping.
 */
public class RecheckPlanDelegate implements JavaDelegate {

    static final int MAX_DRIFTS = 3;

    private final RequestPlanner planner;

    public RecheckPlanDelegate(RequestPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan approved = PlanVariables.approved(execution);
        Plan now = PlanVariables.planAgain(execution, planner, approved);
        boolean drifted = drifted(execution, approved, now);
        execution.setVariable(ProcessVariables.DRIFTED, drifted);
        if (!drifted) {
            execution.setVariable(ProcessVariables.APPLYING_PLAN, PlanJson.hash(approved));
            ProcessState.seal(execution);
            return;
        }
        int count = execution.getVariable(ProcessVariables.DRIFT_COUNT) instanceof Integer n ? n + 1 : 1;
        execution.setVariable(ProcessVariables.DRIFT_COUNT, count);
        PlanVariables.write(execution, now);
        execution.setVariable(ProcessVariables.PRIVILEGED_GROUPS, planner.grantsPrivilegedGroup(now));
        if (now.action() == LifecycleAction.ENABLE) {
            execution.setVariable(ProcessVariables.PENDING_DELETION,
                    PendingDeletion.of(execution, now.account().accountId()).orElse(null));
        }
        if (count > MAX_DRIFTS) {
            throw BpmnErrors.notAsPlanned(execution, "The account changed " + count
                    + " times while its request waited; a person should look at it before it goes on");
        }
        ProcessState.seal(execution);
    }

    /** Would applying {@code approved} now do something its approvers did not approve? */
    boolean drifted(DelegateExecution execution, Plan approved, Plan now) {
        boolean applying = PlanJson.hash(approved).equals(execution.getVariable(ProcessVariables.APPLYING_PLAN));
        return applying ? !now.notApprovedIn(approved).isEmpty() : !PlanJson.hash(now).equals(PlanJson.hash(approved));
    }
}
