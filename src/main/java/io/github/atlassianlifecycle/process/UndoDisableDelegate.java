package io.github.atlassianlifecycle.process;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailure;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;

/**
 * Cancelling a deletion within its grace period: undoes the disable the delete started with, by planning an enable
 * from the snapshot taken then and applying it at once (the cancellation itself is the decision; the plan it ran
 * is kept in {@code undoPlan} for the record).
 */
public class UndoDisableDelegate implements JavaDelegate {

    static final String UNDO_PLAN = "undoPlan";
    static final String UNDO_PLAN_HASH = "undoPlanHash";

    private final RequestPlanner planner;
    private final PlanExecutor executor;

    public UndoDisableDelegate(RequestPlanner planner, PlanExecutor executor) {
        this.planner = planner;
        this.executor = executor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<AccountSnapshot> snapshot = Optional.ofNullable(
                JsonVariables.get(execution, ProcessVariables.SNAPSHOT, AccountSnapshot.class));
        try {
            Plan undo = planner.plan(RequestVariables.request(execution, LifecycleAction.ENABLE), snapshot,
                    snapshot.map(AccountSnapshot::scimId).orElse(null));
            JsonVariables.set(execution, UNDO_PLAN, undo);
            execution.setVariable(UNDO_PLAN_HASH, PlanJson.hash(undo));
            List<String> skipped = JsonVariables.list(execution, ProcessVariables.SKIPPED_CALLS, String.class);
            for (PlanStep step : List.of(PlanStep.ACCOUNT, PlanStep.GROUPS)) {
                List<CallResult> results = executor.apply(undo, step, new HashSet<>(skipped));
                JsonVariables.append(execution, ProcessVariables.APPLIED_CALLS, CallResult.class, results);
            }
        } catch (PlanStepFailure failure) {
            JsonVariables.append(execution, ProcessVariables.APPLIED_CALLS, CallResult.class, failure.completed());
            throw BpmnErrors.of(execution, failure);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }
}
