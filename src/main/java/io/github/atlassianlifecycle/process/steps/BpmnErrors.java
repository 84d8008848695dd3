package io.github.atlassianlifecycle.process.steps;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailure;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Turns a business outcome into the BPMN error the models route (code = {@link
 * io.github.atlassianlifecycle.lifecycle.BusinessError}); the failed call, if any, and the plan it belongs to are
 * kept for the person who resolves it, under the process's seal.
 */
final class BpmnErrors {

    private BpmnErrors() {
    }

    /**
     * As {@link #of}, keeping on record the calls of the step that were made before the refused one.
     *
     * @param planHash the hash of the plan whose call was refused
     */
    static BpmnError ofStep(DelegateExecution execution, PlanStepFailure failure, String planHash) {
        JsonVariables.append(execution, ProcessVariables.APPLIED_CALLS, CallResult.class, failure.completed());
        return error(execution, failure, failure.failedCall().id(), planHash);
    }

    static BpmnError of(DelegateExecution execution, LifecycleBusinessException failure) {
        return error(execution, failure, null, null);
    }

    /**
     * {@link BusinessError#NOT_AS_PLANNED}: the account as a whole is not as the plan says (it kept changing, or read
     * back it still needs calls). Not about one call, so there is none to skip.
     */
    static BpmnError notAsPlanned(DelegateExecution execution, String message) {
        return error(execution, BusinessError.NOT_AS_PLANNED, message, null, null);
    }

    private static BpmnError error(DelegateExecution execution, LifecycleBusinessException failure, String failedCall,
            String planHash) {
        return error(execution, failure.error(), failure.getMessage(), failedCall, planHash);
    }

    private static BpmnError error(DelegateExecution execution, BusinessError error, String message,
            String failedCall, String planHash) {
        execution.setVariable(ProcessVariables.FAILED_CALL, failedCall);
        execution.setVariable(ProcessVariables.FAILED_PLAN, planHash);
        ProcessState.seal(execution);
        return new BpmnError(error.name(), message);
    }
}
