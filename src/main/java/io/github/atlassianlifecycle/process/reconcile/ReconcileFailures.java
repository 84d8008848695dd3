package io.github.atlassianlifecycle.process.reconcile;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.github.atlassianlifecycle.client.AtlassianApiException;

/**
 * A reconciliation step's failure: transient ones, rate limits and a gone endpoint go back to the job as they are
 * (retries, then an incident); a
 * business one (a broken contract, a refusal, a missing permission) will not mend by retrying, so it ends the
 * reconciliation FAILED with its message (which names no secret: the transport scrubs them).
 */
final class ReconcileFailures {

    private ReconcileFailures() {
    }

    static RuntimeException of(RuntimeException failure) {
        if (failure instanceof AtlassianApiException api && api.isBusiness()) {
            return new BpmnError(ReconcileVariables.FAILED_ERROR, api.getMessage());
        }
        return failure;
    }
}
