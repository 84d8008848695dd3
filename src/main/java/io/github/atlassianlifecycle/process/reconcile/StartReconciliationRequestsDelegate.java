package io.github.atlassianlifecycle.process.reconcile;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

import io.github.atlassianlifecycle.process.engine.AsUser;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;

/**
 * Starts one lifecycle request per approved finding, as the reviewer (the person accountable for them, with their
 * own groups): each goes through its own approval routing like any request, and its requester may not approve it. A retry submits
 * with the same idempotency keys, so no finding ever starts two requests.
 */
public class StartReconciliationRequestsDelegate implements JavaDelegate {

    private final ReconciliationService service;

    public StartReconciliationRequestsDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewer = (String) execution.getVariable(ReconcileVariables.REVIEWER);
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        try {
            // The reviewer's decision is the authority for these starts, not a grant of theirs to start disables:
            // they run as the reviewer (the requester on record) without the start's authorization check.
            List<String> started = AsUser.call(identity, reviewer, groups -> Context.getCommandContext()
                    .runWithoutAuthorization(() -> service.startRequests(execution.getProcessInstanceId(), reviewer)));
            execution.setVariable(ReconcileVariables.REQUESTS_STARTED, started.size());
        } catch (RuntimeException e) {
            throw ReconcileFailures.of(e);
        }
    }
}
