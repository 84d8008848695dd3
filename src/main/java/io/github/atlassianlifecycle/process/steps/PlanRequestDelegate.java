package io.github.atlassianlifecycle.process.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecycleRequest;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/**
 * "Plan the change": reads the account from Atlassian and computes the exact calls the request will make, which
 * approvers then see ({@link RequestPlanning}, which the dry run shares); for an enable, it keeps the snapshot the
 * plan restores and the deletion in its grace period it cancels.
 */
public class PlanRequestDelegate implements JavaDelegate {

    private final RequestPlanner planner;

    public PlanRequestDelegate(RequestPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessState.verify(execution);
        LifecycleRequest request = RequestVariables.request(execution);
        try {
            RequestPlanning.Planned planned = RequestPlanning.plan(execution.getProcessEngineServices(), planner,
                    request);
            Plan plan = planned.plan();
            if (request.action() == LifecycleAction.ENABLE) {
                planned.snapshot().ifPresent(taken -> JsonVariables.set(execution, ProcessVariables.SNAPSHOT, taken));
                execution.setVariable(ProcessVariables.PENDING_DELETION, planned.pendingDeletion().orElse(null));
            }
            PlanVariables.write(execution, plan);
            execution.setVariable(ProcessVariables.PRIVILEGED_GROUPS, planner.grantsPrivilegedGroup(plan));
            ProcessState.seal(execution);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }
}
