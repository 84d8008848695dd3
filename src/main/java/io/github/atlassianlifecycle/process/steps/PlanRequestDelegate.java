package io.github.atlassianlifecycle.process.steps;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecycleRequest;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/**
 * "Plan the change": reads the account from Atlassian and computes the exact calls the request will make, which
 * approvers then see. For an enable, it uses the snapshot of the account's latest disable (see
 * {@link SnapshotHistory}) and names the account's deletion in its grace period, if any, which the enable cancels.
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
            Plan plan;
            if (request.action() == LifecycleAction.ENABLE) {
                String accountId = request.accountId() != null ? request.accountId()
                        : planner.plan(request, Optional.empty(), null).account().accountId();
                Optional<AccountSnapshot> snapshot = SnapshotHistory.latest(execution.getProcessEngineServices(),
                        accountId);
                snapshot.ifPresent(taken -> JsonVariables.set(execution, ProcessVariables.SNAPSHOT, taken));
                Optional<String> deletion = PendingDeletion.of(execution, accountId);
                plan = planner.plan(request, snapshot, null);
                plan = deletion.map(PendingDeletion::note).map(plan::withNote).orElse(plan);
                execution.setVariable(ProcessVariables.PENDING_DELETION, deletion.orElse(null));
            } else {
                plan = planner.plan(request, Optional.empty(), null);
            }
            PlanVariables.write(execution, plan);
            execution.setVariable(ProcessVariables.PRIVILEGED_GROUPS, planner.grantsPrivilegedGroup(plan));
            ProcessState.seal(execution);
        } catch (LifecycleBusinessException refused) {
            throw BpmnErrors.of(execution, refused);
        }
    }
}
