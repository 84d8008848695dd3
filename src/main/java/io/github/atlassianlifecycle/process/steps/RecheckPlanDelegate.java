package io.github.atlassianlifecycle.process.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.Resolution;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * The drift check, just before applying, and on every way back into applying after a failure: the plan must be the
 * approved one ({@link Approvals}), and computed again from live state it must not have changed. Before any call of
 * it was made, any difference is drift; once some were made (a retry, a skip), what is left must be a part of the
 * approved calls, and anything new or different is drift. On drift the new plan replaces it and {@code drifted}
 * sends the request back to approval. A plan that keeps changing goes to a person instead of looping.
 *
 * <p>It reads the account again only when something waited since the plan was read: an approver, an administrator
 * resolving a failure, a step that failed. A request policy pre-approved that went straight on is let through on the
 * plan's own reading ({@link #nothingWaited}).
 */
public class RecheckPlanDelegate implements JavaDelegate {

    static final int MAX_DRIFTS = 3;

    private final RequestPlanner planner;

    public RecheckPlanDelegate(RequestPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Plan approved = PlanVariables.approved(execution);
        if (nothingWaited(execution)) {
            letThrough(execution, approved);
            return;
        }
        Plan now = PlanVariables.planAgain(execution, planner, approved);
        if (!drifted(execution, approved, now)) {
            letThrough(execution, approved);
            return;
        }
        execution.setVariable(ProcessVariables.DRIFTED, true);
        int count = execution.getVariable(ProcessVariables.DRIFT_COUNT) instanceof Integer n ? n + 1 : 1;
        execution.setVariable(ProcessVariables.DRIFT_COUNT, count);
        PlanVariables.write(execution, now);
        execution.setVariable(ProcessVariables.PRIVILEGED_GROUPS, planner.grantsPrivilegedGroup(now));
        if (now.action() == LifecycleAction.ENABLE) {
            execution.setVariable(ProcessVariables.PENDING_DELETION,
                    PendingDeletion.of(execution, now.account().accountId()).orElse(null));
        }
        if (count > MAX_DRIFTS) {
            throw BpmnErrors.notAsPlanned(execution, "The account changed " + count
                    + " times while its request waited; a person should look at it before it goes on");
        }
        ProcessState.seal(execution);
    }

    /** The approved plan goes on to be applied, as it is. */
    private static void letThrough(DelegateExecution execution, Plan approved) {
        execution.setVariable(ProcessVariables.DRIFTED, false);
        execution.setVariable(ProcessVariables.APPLYING_PLAN, PlanJson.hash(approved));
        ProcessState.seal(execution);
    }

    /**
     * Did the request go from its plan's reading straight here, with nobody and nothing to wait for? Then the plan's
     * reading is the live state: the plan (or the re-check that last changed it) read the account in the job just
     * before this one, policy approved exactly that plan, and no person, timer or failure stood in between. Nothing
     * could have drifted in those milliseconds that a second reading would catch; and each call still reads before it
     * acts, so none is made twice. That holds while the current round's only approval is the policy's, no call of the
     * plan has been tried yet ({@code applyingPlan}), and no administrator has decided on a failure. Any wait (an
     * approval, a resolution, a retry after a failure) means reading again, once.
     */
    boolean nothingWaited(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(ProcessVariables.PRE_APPROVED))
                && execution.getVariable(ProcessVariables.APPLYING_PLAN) == null
                && JsonVariables.list(execution, ProcessVariables.RESOLUTIONS, Resolution.class).isEmpty()
                && Approvals.ofThisRound(execution).stream().allMatch(approval -> Approval.POLICY.equals(approval.approver()));
    }

    /** Would applying {@code approved} now do something its approvers did not approve? */
    boolean drifted(DelegateExecution execution, Plan approved, Plan now) {
        boolean applying = PlanJson.hash(approved).equals(execution.getVariable(ProcessVariables.APPLYING_PLAN));
        return applying ? !now.notApprovedIn(approved).isEmpty() : !PlanJson.hash(now).equals(PlanJson.hash(approved));
    }
}
