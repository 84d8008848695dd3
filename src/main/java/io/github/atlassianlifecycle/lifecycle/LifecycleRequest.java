package io.github.atlassianlifecycle.lifecycle;

import java.util.List;

/**
 * A validated request: what to do, to whom (account id, or email), and for ADD the name and groups. The requester
 * and reason travel beside it; planning does not need them.
 */
public record LifecycleRequest(LifecycleAction action, String accountId, String email, String displayName,
        List<String> groups) {

    public LifecycleRequest {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
