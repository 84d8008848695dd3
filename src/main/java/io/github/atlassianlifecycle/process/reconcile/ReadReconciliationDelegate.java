package io.github.atlassianlifecycle.process.reconcile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.reconciliation.ReconciliationService;

/** Reads the directory and the products; a retry continues at the saved cursors. */
public class ReadReconciliationDelegate implements JavaDelegate {

    private final ReconciliationService service;

    public ReadReconciliationDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            service.read(execution.getProcessInstanceId());
        } catch (RuntimeException e) {
            throw ReconcileFailures.of(e);
        }
    }
}
