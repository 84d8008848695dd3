package io.github.atlassianlifecycle.process.steps;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import io.github.atlassianlifecycle.process.decisions.Resolutions;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/**
 * Cancelling a deletion within its grace period: undoes the disable the delete started with, by planning an enable
 * from the snapshot taken then and applying it at once (the cancellation itself is the decision; the plan it ran
 * is kept in {@code undoPlan} for the record).
 *
 * <p>After a refusal, "retry" and "skip" run the same undo plan again (every call is idempotent), so the call an
 * administrator skips is the one they saw fail: a fresh plan would number what is left anew. A skip holds for the
 * plan its call belongs to, so calls skipped while disabling do not count here.
 */
public class UndoDisableDelegate implements JavaDelegate {

    static final String UNDO_PLAN = ProcessVariables.UNDO_PLAN;
    static final String UNDO_PLAN_HASH = ProcessVariables.UNDO_PLAN_HASH;

    private final RequestPlanner planner;
    private final PlanExecutor executor;

    public UndoDisableDelegate(RequestPlanner planner, PlanExecutor executor) {
        this.planner = planner;
        this.executor = executor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessState.verify(execution);
        String undoHash = null;
        try {
            Plan undo = JsonVariables.get(execution, UNDO_PLAN, Plan.class);
            if (undo == null) {
                Optional<AccountSnapshot> snapshot = Optional.ofNullable(
                        JsonVariables.get(execution, ProcessVariables.SNAPSHOT, AccountSnapshot.class));
                undo = planner.plan(RequestVariables.request(execution, LifecycleAction.ENABLE), snapshot,
                        snapshot.map(AccountSnapshot::scimId).orElse(null));
                JsonVariables.set(execution, UNDO_PLAN, undo);
                execution.setVariable(UNDO_PLAN_HASH, PlanJson.hash(undo));
            }
            undoHash = PlanJson.hash(undo);
            Set<String> skipped = Resolutions.skipped(execution, undoHash);
            for (PlanStep step : List.of(PlanStep.ACCOUNT, PlanStep.GROUPS)) {
                List<CallResult> results = executor.apply(undo, step, skipped);
                JsonVariables.append(execution, ProcessVariables.APPLIED_CALLS, CallResult.class, results);
            }
            ProcessState.seal(execution);
        } catch (PlanStepFailure failure) {
            throw BpmnErrors.ofStep(execution, failure, undoHash);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }
}
