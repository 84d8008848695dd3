package io.github.atlassianlifecycle.process.steps;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Execution;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * An enable of an account whose delete waits out its grace period cancels that delete: one rule, whichever door the
 * enable came through, so the process keeps it. Planning the enable finds the delete (an {@code account-delete} of
 * the same account waiting for {@code cancel-deletion}), the plan names it for the approvers, and once the enable is
 * applied, {@link CancelPendingDeletionDelegate} cancels it.
 */
public final class PendingDeletion {

    /** The message a delete waits for during its grace period: it cancels the deletion. */
    public static final String CANCEL_DELETION = "cancel-deletion";

    private PendingDeletion() {
    }

    /** The process instance of the account's delete in its grace period, if there is one. */
    static Optional<String> of(DelegateExecution execution, String accountId) {
        return of(execution.getProcessEngineServices(), accountId);
    }

    /** As {@link #of(DelegateExecution, String)}, asked of the engine from outside a process (the dry run). */
    static Optional<String> of(ProcessEngineServices engine, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return engine.getRuntimeService().createExecutionQuery()
                .processDefinitionKey(LifecycleAction.DELETE.processKey())
                .messageEventSubscriptionName(CANCEL_DELETION)
                .processVariableValueEquals(ProcessVariables.ACCOUNT_ID, accountId)
                .list().stream().map(Execution::getProcessInstanceId).sorted().findFirst();
    }

    /** {@code plan}, with the note that it cancels the account's pending deletion if there is one. */
    static Plan noted(DelegateExecution execution, Plan plan) {
        return of(execution, plan.account().accountId()).map(delete -> plan.withNote(note(delete))).orElse(plan);
    }

    static String note(String deleteInstance) {
        return "The account's deletion (request " + deleteInstance + ") is in its grace period: once the account is"
                + " back, this enable cancels that deletion.";
    }
}
