package io.github.atlassianlifecycle.process.steps;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Records the account's groups and product access just before it is disabled, for {@code account-enable}, with the
 * engine's seal ({@code snapshotSeal}) so an enable can tell it from a forged one. A retry of the same approved plan
 * keeps the snapshot of its first attempt; a plan approved later (a delete approved again after its grace period)
 * takes a new one.
 *
 * <p>It reads nothing from Atlassian: the approved plan holds the reading it was computed from, and that reading is
 * the live state just before applying. Either the plan was read moments ago and nothing waited since (a pre-approved
 * request), or the re-check read the account again after the wait and found the same plan; its hash covers the
 * account as read, so "the same plan" means the same reading. A plan that changed replaced the old one.
 */
public class TakeSnapshotDelegate implements JavaDelegate {

    private final Clock clock;

    public TakeSnapshotDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan plan = PlanVariables.approved(execution);
        AccountSnapshot existing = JsonVariables.get(execution, ProcessVariables.SNAPSHOT, AccountSnapshot.class);
        if (existing != null && !existing.takenAt().isBefore(approvedAt(execution, PlanJson.hash(plan)))) {
            return; // a retry of the apply steps must keep the state from before the first attempt
        }
        AccountSnapshot snapshot = AccountSnapshot.of(plan.account(), clock.instant());
        String json = PlanJson.write(snapshot);
        JsonVariables.set(execution, ProcessVariables.SNAPSHOT, snapshot);
        execution.setVariable(ProcessVariables.SNAPSHOT_SEAL, SnapshotHistory.seal(execution.getProcessInstanceId(),
                json, execution.getProcessEngineServices().getManagementService()));
        ProcessState.seal(execution);
    }

    /** When the plan got its last approval. */
    private static Instant approvedAt(DelegateExecution execution, String planHash) {
        return JsonVariables.list(execution, ProcessVariables.APPROVALS, Approval.class).stream()
                .filter(approval -> approval.approved() && planHash.equals(approval.planHash())).map(Approval::at)
                .max(Instant::compareTo).orElse(Instant.MIN);
    }
}
