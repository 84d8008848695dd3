package io.github.atlassianlifecycle.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.apply.PlanStepFailure;

/**
 * Turns a business outcome into the BPMN error the models route (code = {@link
 * io.github.atlassianlifecycle.lifecycle.BusinessError}); the failed call, if any, is kept for the person who
 * resolves it.
 */
final class BpmnErrors {

    private BpmnErrors() {
    }

    static BpmnError of(DelegateExecution execution, LifecycleBusinessException failure) {
        String failedCall = failure instanceof PlanStepFailure step ? step.failedCall().id() : null;
        execution.setVariable(ProcessVariables.FAILED_CALL, failedCall);
        return new BpmnError(failure.error().name(), failure.getMessage());
    }
}
