package io.github.atlassianlifecycle.process;


import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;

/**
 * The drift check, just before applying: computes the plan again from live state. If it differs from the
 * approved one (someone changed the account meanwhile), the new plan replaces it and {@code drifted} sends the
 * request back to approval. A plan that keeps changing goes to a person instead of looping.
 */
public class RecheckPlanDelegate implements JavaDelegate {

    static final int MAX_DRIFTS = 3;

    private final RequestPlanner planner;

    public RecheckPlanDelegate(RequestPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan approved = PlanVariables.read(execution);
        Plan now = PlanVariables.planAgain(execution, planner, approved);
        boolean drifted = !PlanJson.hash(now).equals(execution.getVariable(ProcessVariables.PLAN_HASH));
        execution.setVariable(ProcessVariables.DRIFTED, drifted);
        if (drifted) {
            int count = execution.getVariable(ProcessVariables.DRIFT_COUNT) instanceof Integer n ? n + 1 : 1;
            execution.setVariable(ProcessVariables.DRIFT_COUNT, count);
            PlanVariables.write(execution, now);
            execution.setVariable(ProcessVariables.PRIVILEGED_GROUPS, planner.grantsPrivilegedGroup(now));
            if (count > MAX_DRIFTS) {
                throw new BpmnError(BusinessError.NOT_AS_PLANNED.name(), "The account changed " + count
                        + " times while its request waited; a person should look at it before it goes on");
            }
        }
    }
}
