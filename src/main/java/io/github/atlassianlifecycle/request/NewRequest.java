package io.github.atlassianlifecycle.request;

import java.util.List;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

/** A validated request as submitted through the API (the requester is the caller, never part of the body). */
public record NewRequest(LifecycleAction action, String accountId, String email, String displayName,
        List<String> groups, String reason, String reasonCode) {

    public NewRequest {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public String account() {
        return accountId != null ? accountId : email;
    }
}
