package io.github.atlassianlifecycle.lifecycle.apply;

import java.util.List;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/** A planned call Atlassian refused, with the calls of the same step that had already been made. */
public class PlanStepFailure extends LifecycleBusinessException {

    private final PlannedCall failedCall;
    private final List<CallResult> completed;

    PlanStepFailure(PlannedCall failedCall, List<CallResult> completed, LifecycleBusinessException cause) {
        super(cause.error(), "Call " + failedCall.id() + " (" + failedCall.system() + " " + failedCall.operation().verb()
                + " " + failedCall.target() + ") failed: " + cause.getMessage(), cause);
        this.failedCall = failedCall;
        this.completed = List.copyOf(completed);
    }

    public PlannedCall failedCall() {
        return failedCall;
    }

    public List<CallResult> completed() {
        return completed;
    }
}
