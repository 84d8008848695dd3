package io.github.atlassianlifecycle.lifecycle.apply;

import java.util.List;
import java.util.Map;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/** Builds the failure a plan step raises when Atlassian refuses call {@code callId}, for process tests. */
public record PlanStepFailureForTests(String callId, BusinessError error) {

    public PlanStepFailure failure() {
        PlannedCall call = new PlannedCall(callId, PlanStep.GROUPS, Operation.REMOVE_JIRA_GROUP, "a group", Map.of(),
                Operation.REMOVE_JIRA_GROUP.effect());
        return new PlanStepFailure(call, List.of(), new LifecycleBusinessException(error, "refused", null));
    }
}
