package io.github.atlassianlifecycle.process.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;

import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.process.engine.InstanceAuthorizations;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * The first step of {@code account-batch}: only {@code batchId} enters, the starter is authenticated and is the
 * batch's submitter, and no other instance carries the batch (it is tied to this one here, once). Then what the
 * approver reads: the row count, the summary by action and the rows. An invalid start ends "Rejected: invalid".
 */
public class ValidateBatchDelegate implements JavaDelegate {

    private final BatchService batches;

    public ValidateBatchDelegate(BatchService batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(execution.getVariableNames())) {
            if (!ProcessVariables.BATCH_START_VARIABLES.contains(name) && !ProcessVariables.REQUESTER.equals(name)) {
                problems.add(name + ": is not a start variable of this process (that is: "
                        + String.join(", ", ProcessVariables.BATCH_START_VARIABLES) + ")");
            }
        }
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String requester = authentication == null ? null : authentication.getUserId();
        Object batchId = execution.getVariable(ProcessVariables.BATCH_ID);
        if (requester == null) {
            problems.add("requester: the batch was not started by an authenticated user");
        } else if (!requester.equals(execution.getVariable(ProcessVariables.REQUESTER))) {
            problems.add("requester: is the authenticated user and must not be supplied");
        }
        if (!(batchId instanceof String id) || id.isBlank()) {
            problems.add("batchId: is required");
        } else if (problems.isEmpty() && !batches.attach(id, requester, execution.getProcessInstanceId())) {
            problems.add("batchId: no batch of yours waits for an approval process");
        }
        boolean valid = problems.isEmpty();
        execution.setVariable(ProcessVariables.VALID, valid);
        execution.setVariable(ProcessVariables.VALIDATION_ERRORS, String.join("; ", problems));
        if (!valid) {
            return;
        }
        InstanceAuthorizations.letRequesterRead(execution, requester);
        String id = (String) batchId;
        execution.setVariable(ProcessVariables.BATCH_SIZE, batches.goodRows(id).size());
        execution.setVariable(ProcessVariables.BATCH_SUMMARY, batches.summary(id));
        // JSON, like the plan's text: a String variable holds 4000 characters, the rows may need more.
        execution.setVariable(ProcessVariables.BATCH_ROWS, Variables.objectValue(batches.rowsText(id))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
