package io.github.atlassianlifecycle.process.seal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * The seal on the process's internal state ({@link ProcessVariables#PROCESS_STATE}: the request, the plan, the
 * approvals, the snapshot, the resolutions, the call results, ...). The validation step makes it; each step that
 * writes internal state seals it again, and each step that reads it checks it first. A variable changed from
 * outside (through {@code PUT /process-instance/{id}/variables}, Cockpit, a message, a start at a later activity)
 * breaks the seal, and the step refuses with a {@link TamperedStateException}.
 */
public final class ProcessState {

    private static final String PURPOSE = "process-state";

    private ProcessState() {
    }

    public static void seal(DelegateExecution execution) {
        JsonVariables.set(execution, ProcessVariables.STATE_SEAL, Seal.of(PURPOSE, execution.getProcessInstanceId(),
                SealedVariables.of(execution, ProcessVariables.PROCESS_STATE),
                execution.getProcessEngineServices().getManagementService()));
    }

    public static void seal(DelegateTask task) {
        seal(task.getExecution());
    }

    public static void verify(DelegateExecution execution) {
        Seal seal = JsonVariables.get(execution, ProcessVariables.STATE_SEAL, Seal.class);
        if (seal == null || !seal.isAuthentic(PURPOSE, execution.getProcessInstanceId(),
                execution.getProcessEngineServices().getManagementService())) {
            throw new TamperedStateException("Request " + execution.getProcessInstanceId() + " has no valid seal on its"
                    + " state: it was not validated, or its seal was altered. Nothing was done; an administrator"
                    + " must look at it.");
        }
        List<String> changed = seal.changedIn(SealedVariables.of(execution, ProcessVariables.PROCESS_STATE));
        if (!changed.isEmpty()) {
            throw new TamperedStateException("The state of request " + execution.getProcessInstanceId()
                    + " was changed outside its own steps: " + String.join(", ", changed) + ". Nothing was done;"
                    + " an administrator must look at it.");
        }
    }

    public static void verify(DelegateTask task) {
        verify(task.getExecution());
    }
}
