package io.github.atlassianlifecycle.request;

import java.time.Instant;
import java.util.List;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

/**
 * A request as the request store keeps it: what was asked, by whom, which process carries it, and, once it ended,
 * its final status. While it runs, its status comes from the process.
 */
public record StoredRequest(String id, LifecycleAction action, String accountId, String email, String displayName,
        List<String> groups, String reason, String reasonCode, String requester, String processInstanceId,
        RequestStatus finalStatus, String outcome, Instant createdAt, Instant updatedAt, String bodyHash,
        String undoOf) {

    public StoredRequest {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The account as a person would name it: the id, or the email when no id was given. */
    public String account() {
        return accountId != null ? accountId : email;
    }
}
