package io.github.atlassianlifecycle.process.steps;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.apply.ReadBack;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.process.decisions.Resolutions;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Reads back what the approved plan's calls in the steps just applied changed (input parameter {@code steps}, e.g.
 * {@code ACCOUNT,GROUPS}) and only that ({@link ReadBack}): every call's change must show. Calls an administrator
 * skipped are not looked for, and make the request end {@code partially-applied} ({@code partiallyApplied}).
 * Anything else not done means Atlassian is not as planned.
 */
public class VerifyPlanDelegate implements JavaDelegate {

    static final String STEPS = "steps";
    /** The account as read back after applying: the evidence's "final state". */
    public static final String FINAL_STATE = ProcessVariables.FINAL_STATE;

    private final ReadBack readBack;

    public VerifyPlanDelegate(ReadBack readBack) {
        this.readBack = readBack;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan approved = PlanVariables.approved(execution);
        Set<PlanStep> steps = Arrays.stream(String.valueOf(execution.getVariableLocal(STEPS)).split(","))
                .map(String::strip).map(PlanStep::valueOf).collect(Collectors.toSet());
        Set<String> skipped = Resolutions.skipped(execution, PlanJson.hash(approved));
        ReadBack.Verified verified;
        try {
            verified = readBack.verify(approved, steps, skipped);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
        List<PlannedCall> left = verified.left();
        JsonVariables.set(execution, FINAL_STATE, verified.finalState());
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
