package io.github.atlassianlifecycle.process.decisions;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.seal.TamperedStateException;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Only approved calls are applied: before a step makes (or re-checks) the calls of a plan, the plan must be the one
 * the approvals decided on. That is, its hash is {@code planHash}, and in the current round of approval (since the
 * request was last routed) as many different people as the routing asks for (policy counting as one, for a
 * pre-approval) approved exactly that hash, none of them the requester.
 * Otherwise it refuses with a {@link TamperedStateException}.
 */
public final class Approvals {

    /** The approval tasks of the lifecycle models are named {@code approve}, {@code approve-second}, ... */
    public static final String APPROVAL_TASK_PREFIX = "approve";

    /** Whether the activity is one of a lifecycle model's approval tasks. */
    public static boolean isApprovalTask(String activityId) {
        return activityId != null && activityId.startsWith(APPROVAL_TASK_PREFIX);
    }

    private Approvals() {
    }

    /** The decisions since the request was last routed to approval. */
    public static List<Approval> ofThisRound(VariableScope scope) {
        List<Approval> all = JsonVariables.list(scope, ProcessVariables.APPROVALS, Approval.class);
        int from = scope.getVariable(ProcessVariables.APPROVALS_FROM) instanceof Integer index ? index : 0;
        return all.subList(Math.min(from, all.size()), all.size());
    }

    public static void requireApproved(DelegateExecution execution, Plan plan) {
        String hash = PlanJson.hash(plan);
        if (!hash.equals(execution.getVariable(ProcessVariables.PLAN_HASH))) {
            throw new TamperedStateException("The plan of request " + execution.getProcessInstanceId()
                    + " is not the plan its approvals refer to (planHash). Nothing was applied.");
        }
        Object requester = execution.getVariable(ProcessVariables.REQUESTER);
        Set<String> approvers = ofThisRound(execution).stream()
                .filter(approval -> approval.approved() && hash.equals(approval.planHash()))
                .map(Approval::approver).filter(approver -> !Objects.equals(approver, requester))
                .collect(Collectors.toSet());
        int needed = Boolean.TRUE.equals(execution.getVariable(ProcessVariables.NEEDS_SECOND_APPROVAL)) ? 2 : 1;
        if (approvers.size() < needed) {
            throw new TamperedStateException("The plan of request " + execution.getProcessInstanceId() + " (SHA-256 "
                    + hash + ") has " + approvers.size() + " of the " + needed + " approvals it needs. Nothing was"
                    + " applied.");
        }
    }
}
