package io.github.atlassianlifecycle.process.steps;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.Resolutions;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Reads the account back and computes the plan once more: when everything was applied, nothing is left to do in
 * the steps just applied (input parameter {@code steps}, e.g. {@code ACCOUNT,GROUPS}). Calls an administrator
 * skipped are allowed to remain, and make the request end {@code partially-applied} ({@code partiallyApplied}).
 * Anything else left means Atlassian is not as planned.
 */
public class VerifyPlanDelegate implements JavaDelegate {

    static final String STEPS = "steps";
    /** The account as read back after applying: the evidence's "final state". */
    public static final String FINAL_STATE = ProcessVariables.FINAL_STATE;

    private final RequestPlanner planner;

    public VerifyPlanDelegate(RequestPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan approved = PlanVariables.approved(execution);
        Set<PlanStep> steps = Arrays.stream(String.valueOf(execution.getVariableLocal(STEPS)).split(","))
                .map(String::strip).map(PlanStep::valueOf).collect(Collectors.toSet());
        Set<String> skipped = Resolutions.skipped(execution, PlanJson.hash(approved));
        Plan now = PlanVariables.planAgain(execution, planner, approved);
        List<PlannedCall> left = now.leftAfter(approved, steps, skipped);
        JsonVariables.set(execution, FINAL_STATE, now.account());
        execution.setVariable(ProcessVariables.PARTIALLY_APPLIED, !skipped.isEmpty());
        if (!left.isEmpty()) {
            throw BpmnErrors.notAsPlanned(execution, "Read back, the account still needs: "
                    + left.stream().map(call -> call.system() + " " + call.operation().verb() + " " + call.target())
                            .collect(Collectors.joining("; "))
                    + ". Atlassian can take up to 30 seconds to show a change: retry, or look at the account.");
        }
        ProcessState.seal(execution);
    }
}
