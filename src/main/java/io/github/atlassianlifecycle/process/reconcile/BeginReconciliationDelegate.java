package io.github.atlassianlifecycle.process.reconcile;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.reconciliation.ReconciliationService;

/**
 * Records the reconciliation (its id is the process instance's) and checks the start: only {@code dryRun}, a
 * Boolean, may come with it. A bad start is on record as FAILED with the reason, before any Atlassian call.
 */
public class BeginReconciliationDelegate implements JavaDelegate {

    private final ReconciliationService service;

    public BeginReconciliationDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        Object dryRun = execution.getVariable(ReconcileVariables.DRY_RUN);
        Object starter = execution.getVariable(ReconcileVariables.STARTER);
        service.begin(id, Boolean.TRUE.equals(dryRun), starter == null ? null : starter.toString());
        Set<String> undocumented = new TreeSet<>(execution.getVariableNames());
        undocumented.removeAll(ReconcileVariables.START_VARIABLES);
        String problem = null;
        if (!undocumented.isEmpty()) {
            problem = "a reconciliation starts with dryRun only; also given: " + String.join(", ", undocumented);
        } else if (dryRun != null && !(dryRun instanceof Boolean)) {
            problem = "dryRun must be a Boolean";
        }
        execution.setVariable(ReconcileVariables.DRY_RUN, Boolean.TRUE.equals(dryRun));
        execution.setVariable(ReconcileVariables.VALID, problem == null);
        if (problem != null) {
            execution.setVariable(ReconcileVariables.FAILURE_REASON, problem);
            service.fail(id, "invalid start: " + problem);
        }
    }
}
