package io.github.atlassianlifecycle.process.steps;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * The last step of an applied enable: cancels the account's deletion that was in its grace period when the enable
 * was planned and approved (see {@link PendingDeletion}), so the deletion does not wipe the enable out when its
 * grace period ends. Its undo then finds the account already back. Nothing to do when no deletion was pending; a
 * deletion that left its grace period meanwhile is noted in the log (its own look at the account before deleting
 * finds it enabled and asks for a new approval).
 */
public class CancelPendingDeletionDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CancelPendingDeletionDelegate.class);

    @Override
    public void execute(DelegateExecution execution) {
        ProcessState.verify(execution);
        Object deletion = execution.getVariable(ProcessVariables.PENDING_DELETION);
        if (deletion == null) {
            return;
        }
        Approvals.requireApproved(execution, PlanVariables.read(execution));
        try {
            execution.getProcessEngineServices().getRuntimeService()
                    .createMessageCorrelation(PendingDeletion.CANCEL_DELETION).processInstanceId(deletion.toString())
                    .correlateWithResult();
            LOG.info("Request {} cancelled the pending deletion {} of its account", execution.getProcessInstanceId(),
                    deletion);
        } catch (MismatchingMessageCorrelationException gone) {
            LOG.warn("Request {} found the deletion {} of its account no longer in its grace period",
                    execution.getProcessInstanceId(), deletion);
        }
    }
}
