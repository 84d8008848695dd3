package io.github.atlassianlifecycle.process.steps;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.batch.RowStart;
import io.github.atlassianlifecycle.process.engine.AsUser;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.request.RequestService;

/**
 * Starts the request of one approved row (one job per row, so a row that fails stops no other), as the batch's
 * submitter: with their groups, so the request's own routing (pre-approval for automation, say) is what a single
 * request of theirs would get, and they stay its requester for four eyes. A refused row (another open request for
 * the account, a submitter no longer allowed to submit) is recorded on the row and the batch goes on; anything else
 * is recorded on the row too, in a transaction of its own, and the step retries.
 */
public class StartBatchRowDelegate implements JavaDelegate {

    private final BatchService batches;
    private final TransactionTemplate separate;

    /** @param separate a transaction of its own (REQUIRES_NEW), for an error that rolls back the step */
    public StartBatchRowDelegate(BatchService batches, TransactionTemplate separate) {
        this.batches = batches;
        this.separate = separate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String batchId = (String) execution.getVariable(ProcessVariables.BATCH_ID);
        int line = ((Number) execution.getVariable(ProcessVariables.LINE)).intValue();
        Batch batch = batches.find(batchId).orElseThrow(() -> new IllegalStateException("no batch " + batchId));
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        try {
            RowStart result = AsUser.call(identity, batch.requester(), groups -> batches.startRow(batchId, line,
                    groups.stream().anyMatch(RequestService.SUBMITTER_GROUPS::contains)));
            execution.setVariableLocal(ProcessVariables.STEP_RESULT, result instanceof RowStart.Started started
                    ? "started " + started.requestId() : result.toString());
        } catch (RuntimeException e) {
            String error = "not started yet (retrying): " + e.getClass().getSimpleName();
            separate.executeWithoutResult(status -> batches.failed(batchId, line, error));
            throw e;
        }
    }
}
