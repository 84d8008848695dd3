package io.github.atlassianlifecycle.request;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.lifecycle.Approval;

/**
 * A request as it stands now: its status, the plan approvers saw (JSON), every decision, every Atlassian call made,
 * and, when it needs a person, why.
 */
public record RequestState(RequestStatus status, JsonNode plan, String planHash, String planText,
        List<Approval> approvals, List<RecordedApiCall> apiCalls, String outcome, String failureCode,
        String failureMessage, String validationErrors) {
}
