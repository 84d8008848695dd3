package io.github.atlassianlifecycle.process;

import java.util.HashSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailure;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;

/**
 * Makes the approved plan's calls of one step (the task's input parameter {@code step}: ACCOUNT, GROUPS or
 * AFTER_GRACE) and records what each did in {@code appliedCalls}.
 */
public class ApplyPlanStepDelegate implements JavaDelegate {

    static final String STEP = "step";

    private final PlanExecutor executor;

    public ApplyPlanStepDelegate(PlanExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlanStep step = PlanStep.valueOf(String.valueOf(execution.getVariableLocal(STEP)));
        List<String> skipped = JsonVariables.list(execution, ProcessVariables.SKIPPED_CALLS, String.class);
        try {
            List<CallResult> results = executor.apply(PlanVariables.read(execution), step, new HashSet<>(skipped));
            JsonVariables.append(execution, ProcessVariables.APPLIED_CALLS, CallResult.class, results);
        } catch (PlanStepFailure failure) {
            throw BpmnErrors.ofStep(execution, failure);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }
}
