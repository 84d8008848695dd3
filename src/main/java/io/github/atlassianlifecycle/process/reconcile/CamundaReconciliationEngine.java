package io.github.atlassianlifecycle.process.reconcile;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import io.github.atlassianlifecycle.reconciliation.ReconciliationEngine;

/** Starts {@code account-reconcile} as the caller the identity service names (the REST API sets it). */
public class CamundaReconciliationEngine implements ReconciliationEngine {

    private final ProcessEngine engine;

    public CamundaReconciliationEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public String start(boolean dryRun) {
        return engine.getRuntimeService().startProcessInstanceByKey(ReconcileVariables.PROCESS_KEY,
                Map.of(ReconcileVariables.DRY_RUN, dryRun)).getId();
    }
}
