package io.github.atlassianlifecycle.request;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.Resolution;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;

/**
 * One record of a request that an auditor can file: who asked and why, every approval with its time, the plan and
 * its SHA-256, every administrator's decision on a failure (retry, skip or abort: who, when, why, which call), what
 * became of each planned call, every Atlassian call with its status and Atlassian's request id, the account as read
 * back at the end, and the process definition (key and version) that governed it. Requests started through
 * {@code /engine-rest} have the same record. A request started for a row of an approved batch also names the batch
 * approval it came through ({@code batch}); its own approvals are still its own.
 */
public record Evidence(String requestId, String action, String account, String requester, String reason,
        String reasonCode, Instant submittedAt, Governance process, JsonNode plan, String planSha256,
        List<Approval> approvals, BatchApproval batch, List<Resolution> resolutions, List<CallResult> callResults,
        List<RecordedApiCall> apiCalls, JsonNode finalState, RequestStatus status, String outcome,
        Instant generatedAt) {

    /**
     * The approval of the batch the request was a row of: which batch and line, who approved the batch, when, and
     * with what comment. It let the request start; the request's own approval routing still applied.
     */
    public record BatchApproval(String batchId, int line, String approvedBy, Instant approvedAt, String comment) {
    }

    /** The process that carried the request. */
    public record Governance(String definitionKey, int definitionVersion, String definitionId, String instanceId,
            Instant startedAt, Instant endedAt) {
    }
}
