package io.github.atlassianlifecycle.request;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.lifecycle.Approval;

/**
 * One record of a request that an auditor can file: who asked and why, every approval with its time, the plan and
 * its SHA-256, every Atlassian call with its status and Atlassian's request id, the account as read back at the
 * end, and the process definition (key and version) that governed it.
 */
public record Evidence(String requestId, String action, String account, String requester, String reason,
        String reasonCode, Instant submittedAt, Governance process, JsonNode plan, String planSha256,
        List<Approval> approvals, List<RecordedApiCall> apiCalls, JsonNode finalState, RequestStatus status,
        String outcome, Instant generatedAt) {

    /** The process that carried the request. */
    public record Governance(String definitionKey, int definitionVersion, String definitionId, String instanceId,
            Instant startedAt, Instant endedAt) {
    }
}
