package io.github.atlassianlifecycle.api.request;

import io.github.atlassianlifecycle.request.DryRun;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestActions;
import io.github.atlassianlifecycle.request.RequestService;
import io.github.atlassianlifecycle.request.RequestState;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.api.Caller;

/**
 * Requests, and dry runs of them, as the API shows them to one caller: each with the links that caller may follow
 * now. One place, so a single dry run and each row of a bulk dry run answer alike.
 */
public final class RequestViews {

    private final RequestService requests;

    public RequestViews(RequestService requests) {
        this.requests = requests;
    }

    RequestView summary(StoredRequest request, Caller caller) {
        return summary(request, requests.status(request), caller);
    }

    RequestView summary(StoredRequest request, RequestStatus status, Caller caller) {
        return RequestView.summary(request, status, actions(request, status, caller));
    }

    RequestView full(StoredRequest request, Caller caller) {
        RequestState state = requests.state(request);
        return RequestView.full(request, state, actions(request, state.status(), caller));
    }

    /** The dry run of {@code request}; a request still open for its account and action is shown as a summary. */
    public DryRunView dryRun(DryRun tried, NewRequest request, Caller caller) {
        StoredRequest open = tried.openRequest();
        return DryRunView.of(tried, request.action().name(), request.account(),
                open == null ? null : summary(open, caller));
    }

    /**
     * What the caller can do to the request now: what its state allows (the rule {@code cancel} and {@code undo}
     * apply too), if the caller is one who may; the links offer exactly that.
     */
    private RequestActions actions(StoredRequest request, RequestStatus status, Caller caller) {
        RequestActions now = requests.actions(request, status);
        return new RequestActions(now.cancel() && caller.mayCancel(request.requester()),
                now.undo() && caller.mayUndo(request.requester()));
    }
}
