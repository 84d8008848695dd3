package io.github.atlassianlifecycle.process.steps;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailure;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.process.decisions.Resolutions;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Makes the approved plan's calls of one step (the task's input parameter {@code step}: ACCOUNT, GROUPS or
 * AFTER_GRACE) and records what each did in {@code appliedCalls}. Only the approved plan ({@link Approvals}), and
 * none of its calls an administrator skipped ({@link Resolutions}).
 */
public class ApplyPlanStepDelegate implements JavaDelegate {

    static final String STEP = "step";

    private final PlanExecutor executor;

    public ApplyPlanStepDelegate(PlanExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan plan = PlanVariables.approved(execution);
        PlanStep step = PlanStep.valueOf(String.valueOf(execution.getVariableLocal(STEP)));
        String planHash = PlanJson.hash(plan);
        try {
            List<CallResult> results = executor.apply(plan, step, Resolutions.skipped(execution, planHash));
            JsonVariables.append(execution, ProcessVariables.APPLIED_CALLS, CallResult.class, results);
            ProcessState.seal(execution);
        } catch (PlanStepFailure failure) {
            throw BpmnErrors.ofStep(execution, failure, planHash);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }
}
