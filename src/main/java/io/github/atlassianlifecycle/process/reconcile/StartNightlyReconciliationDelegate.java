package io.github.atlassianlifecycle.process.reconcile;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The nightly timer's one step: starts {@code account-reconcile} (not a dry run). The timer runs as nobody, so the
 * reconciliation is on record as started by the timer. A retried job after a crash between the start and the
 * commit starts nothing twice: the start and this job commit together.
 */
public class StartNightlyReconciliationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
                ReconcileVariables.PROCESS_KEY, Map.of(ReconcileVariables.DRY_RUN, false));
    }
}
