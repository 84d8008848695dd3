package io.github.atlassianlifecycle.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailure;

/**
 * Turns a business outcome into the BPMN error the models route (code = {@link
 * io.github.atlassianlifecycle.lifecycle.BusinessError}); the failed call, if any, is kept for the person who
 * resolves it.
 */
final class BpmnErrors {

    private BpmnErrors() {
    }

    /** As {@link #of}, keeping on record the calls of the step that were made before the refused one. */
    static BpmnError ofStep(DelegateExecution execution, PlanStepFailure failure) {
        JsonVariables.append(execution, ProcessVariables.APPLIED_CALLS, CallResult.class, failure.completed());
        return of(execution, failure);
    }

    static BpmnError of(DelegateExecution execution, LifecycleBusinessException failure) {
        String failedCall = failure instanceof PlanStepFailure step ? step.failedCall().id() : null;
        execution.setVariable(ProcessVariables.FAILED_CALL, failedCall);
        return new BpmnError(failure.error().name(), failure.getMessage());
    }
}
