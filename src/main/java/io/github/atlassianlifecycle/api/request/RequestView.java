package io.github.atlassianlifecycle.api.request;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.request.RecordedApiCall;
import io.github.atlassianlifecycle.request.RequestActions;
import io.github.atlassianlifecycle.request.RequestState;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;

/** A request as the API shows it. The short form (list, 202) leaves out the plan, approvals and calls. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(String id, String action, String account, String email, String displayName, List<String> groups,
        RequestStatus status, String requester, String reason, String reasonCode, String processInstanceId,
        Instant createdAt, Instant updatedAt, String undoOf, String outcome, JsonNode plan, String planHash,
        List<Approval> approvals, List<RecordedApiCall> apiCalls, Problem problem, Map<String, String> links) {

    /** Why a request waits for a person or ended without doing anything. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String code, String message) {
    }

    static RequestView summary(StoredRequest request, RequestStatus status, RequestActions actions) {
        return new RequestView(request.id(), request.action().name(), request.account(), request.email(),
                request.displayName(), request.groups().isEmpty() ? null : request.groups(), status, request.requester(),
                request.reason(), request.reasonCode(), request.processInstanceId(), request.createdAt(),
                request.updatedAt(), request.undoOf(), request.outcome(), null, null, null, null, null,
                links(request.id(), actions));
    }

    static RequestView full(StoredRequest request, RequestState state, RequestActions actions) {
        Problem problem = state.failureCode() != null ? new Problem(state.failureCode(), state.failureMessage())
                : state.validationErrors() != null && !state.validationErrors().isBlank()
                        ? new Problem("INVALID_REQUEST", state.validationErrors()) : null;
        return new RequestView(request.id(), request.action().name(), request.account(), request.email(),
                request.displayName(), request.groups().isEmpty() ? null : request.groups(), state.status(),
                request.requester(), request.reason(), request.reasonCode(), request.processInstanceId(),
                request.createdAt(), request.updatedAt(), request.undoOf(), state.outcome(), state.plan(),
                state.planHash(), state.approvals(), state.apiCalls(), problem, links(request.id(), actions));
    }

    /** The request itself and its evidence, always; {@code cancel} and {@code undo} only while they apply. */
    static Map<String, String> links(String id, RequestActions actions) {
        String self = RequestController.BASE + "/" + id;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("evidence", self + "/evidence");
        if (actions.cancel()) {
            links.put("cancel", self + "/cancel");
        }
        if (actions.undo()) {
            links.put("undo", self + "/undo");
        }
        return links;
    }
}
