package io.github.atlassianlifecycle.process.reconcile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.reconciliation.ReconciliationService;

/** The reconciliation's end on record: COMPLETED, or (the failure path) FAILED with the error's message. */
public class FinishReconciliationDelegate implements JavaDelegate {

    /** Where the error boundary puts the failure's message. */
    static final String FAILURE_MESSAGE = "failureMessage";

    private final ReconciliationService service;
    private final boolean failed;

    public FinishReconciliationDelegate(ReconciliationService service, boolean failed) {
        this.service = service;
        this.failed = failed;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (failed) {
            Object message = execution.getVariable(FAILURE_MESSAGE);
            service.fail(execution.getProcessInstanceId(), message == null ? "failed" : message.toString());
        } else {
            service.complete(execution.getProcessInstanceId());
        }
    }
}
