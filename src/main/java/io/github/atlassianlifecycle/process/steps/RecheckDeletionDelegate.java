package io.github.atlassianlifecycle.process.steps;

import java.util.EnumSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.process.decisions.Resolutions;

/**
 * A delete looks at the account again once its grace period is over, and before every retry of the deletion: the
 * account must still be as the disable left it (nothing of the disable left to do but calls an administrator
 * skipped), and the deletion must be what was approved. An account enabled or otherwise changed meanwhile is not
 * deleted: the request goes back to approval with the new plan (deleting it now means disabling it again, and a new
 * grace period), where the approvers may also reject it.
 */
public class RecheckDeletionDelegate extends RecheckPlanDelegate {

    public RecheckDeletionDelegate(RequestPlanner planner) {
        super(planner);
    }

    /** The grace period waited, always: the account is read again. */
    @Override
    boolean nothingWaited(DelegateExecution execution) {
        return false;
    }

    @Override
    boolean drifted(DelegateExecution execution, Plan approved, Plan now) {
        boolean disabled = now.leftAfter(approved, EnumSet.of(PlanStep.ACCOUNT, PlanStep.GROUPS),
                Resolutions.skipped(execution, PlanJson.hash(approved))).isEmpty();
        return !disabled || !now.notApprovedIn(approved).isEmpty();
    }
}
