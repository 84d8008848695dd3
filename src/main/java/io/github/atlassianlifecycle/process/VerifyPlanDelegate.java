package io.github.atlassianlifecycle.process;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/**
 * Reads the account back and computes the plan once more: when everything was applied, nothing is left to do in
 * the steps just applied (input parameter {@code steps}, e.g. {@code ACCOUNT,GROUPS}). Calls an administrator
 * skipped are allowed to remain. Anything else left means Atlassian is not as planned.
 */
public class VerifyPlanDelegate implements JavaDelegate {

    static final String STEPS = "steps";
    /** The account as read back after applying: the evidence's "final state". */
    public static final String FINAL_STATE = "finalState";

    private final RequestPlanner planner;

    public VerifyPlanDelegate(RequestPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan approved = PlanVariables.read(execution);
        Set<PlanStep> steps = Arrays.stream(String.valueOf(execution.getVariableLocal(STEPS)).split(","))
                .map(String::strip).map(PlanStep::valueOf).collect(Collectors.toSet());
        Set<String> skipped = Set.copyOf(JsonVariables.list(execution, ProcessVariables.SKIPPED_CALLS, String.class));
        Plan now = PlanVariables.planAgain(execution, planner, approved);
        JsonVariables.set(execution, FINAL_STATE, now.account());
        List<PlannedCall> left = now.leftAfter(approved, steps, skipped);
        if (!left.isEmpty()) {
            throw new BpmnError(BusinessError.NOT_AS_PLANNED.name(), "Read back, the account still needs: "
                    + left.stream().map(call -> call.system() + " " + call.operation().verb() + " " + call.target())
                            .collect(Collectors.joining("; "))
                    + ". Atlassian can take up to 30 seconds to show a change: retry, or look at the account.");
        }
    }
}
