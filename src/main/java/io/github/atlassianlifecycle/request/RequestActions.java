package io.github.atlassianlifecycle.request;

import java.util.function.BooleanSupplier;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

/**
 * What can still be done to a request now. One rule, read both by the request's links and by the endpoints that
 * do it, so that a link is offered exactly when following it would work.
 *
 * @param cancel it can be withdrawn: nothing is applied yet (it waits for approval, or is in progress before any
 *        approval or applied call)
 * @param undo it can be undone: a completed disable (by a new enable request), or a delete still in its grace period
 *        (by cancelling the deletion)
 */
public record RequestActions(boolean cancel, boolean undo) {

    /**
     * @param approvedOrApplied whether the request was approved or had calls applied; asked only while it is in
     *        progress, since only then does the answer matter
     */
    public static RequestActions of(LifecycleAction action, RequestStatus status, BooleanSupplier approvedOrApplied) {
        boolean cancel = status == RequestStatus.PENDING_APPROVAL
                || status == RequestStatus.IN_PROGRESS && !approvedOrApplied.getAsBoolean();
        boolean undo = action == LifecycleAction.DISABLE && status == RequestStatus.COMPLETED
                || action == LifecycleAction.DELETE && status == RequestStatus.WAITING_GRACE_PERIOD;
        return new RequestActions(cancel, undo);
    }
}
