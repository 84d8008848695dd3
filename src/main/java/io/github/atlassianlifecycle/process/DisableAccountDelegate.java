package io.github.atlassianlifecycle.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.AccountDisabler;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;

/**
 * Deactivates the account. Business refusals become BPMN errors (code = {@link
 * io.github.atlassianlifecycle.lifecycle.BusinessError}) that the model routes; transient failures propagate so
 * the job is retried.
 */
public class DisableAccountDelegate implements JavaDelegate {

    private final AccountDisabler disabler;

    public DisableAccountDelegate(AccountDisabler disabler) {
        this.disabler = disabler;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountId = (String) execution.getVariable(ProcessVariables.ACCOUNT_ID);
        try {
            execution.setVariable(ProcessVariables.STEP_RESULT, disabler.disable(accountId).name());
        } catch (LifecycleBusinessException refused) {
            throw new BpmnError(refused.error().name(), refused.getMessage());
        }
    }
}
