package io.github.atlassianlifecycle.process.steps;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineServices;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecycleRequest;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;

/**
 * How a request's first plan is made, in one place for "Plan the change" and for the dry run, so that both show the
 * same plan (and hash) for the same live state. For an enable it uses the snapshot of the account's latest disable
 * (see {@link SnapshotHistory}) and names the account's deletion in its grace period, if any, which the enable
 * cancels. It only reads: Atlassian, and the engine's history and runtime.
 */
public final class RequestPlanning {

    private RequestPlanning() {
    }

    /**
     * The first plan of a request, and what it relied on.
     *
     * @param snapshot for an enable: the snapshot it restores
     * @param pendingDeletion for an enable: the process instance of the account's delete in its grace period
     */
    public record Planned(Plan plan, Optional<AccountSnapshot> snapshot, Optional<String> pendingDeletion) {
    }

    /** @throws LifecycleBusinessException when the request cannot be planned (unknown account or group, ...) */
    public static Planned plan(ProcessEngineServices engine, RequestPlanner planner, LifecycleRequest request) {
        if (request.action() != LifecycleAction.ENABLE) {
            return new Planned(planner.plan(request, Optional.empty(), null), Optional.empty(), Optional.empty());
        }
        String accountId = request.accountId() != null ? request.accountId()
                : planner.plan(request, Optional.empty(), null).account().accountId();
        Optional<AccountSnapshot> snapshot = SnapshotHistory.latest(engine, accountId);
        Optional<String> deletion = PendingDeletion.of(engine, accountId);
        Plan plan = planner.plan(request, snapshot, null);
        return new Planned(deletion.map(PendingDeletion::note).map(plan::withNote).orElse(plan), snapshot, deletion);
    }
}
