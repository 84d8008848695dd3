package io.github.atlassianlifecycle.process;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;

/** Records the account's groups and product access just before it is disabled, for {@code account-enable}. */
public class TakeSnapshotDelegate implements JavaDelegate {

    private final RequestPlanner planner;
    private final Clock clock;

    public TakeSnapshotDelegate(RequestPlanner planner, Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ProcessVariables.SNAPSHOT) != null) {
            return; // a retry of the apply steps must keep the state from before the first attempt
        }
        Plan plan = PlanVariables.read(execution);
        try {
            AccountSnapshot snapshot = AccountSnapshot.of(
                    planner.facts(plan.account().accountId(), plan.account().scimId()), clock.instant());
            JsonVariables.set(execution, ProcessVariables.SNAPSHOT, snapshot);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }
}
