package io.github.atlassianlifecycle.request;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

/**
 * A search over requests; null fields do not filter. {@code openOnly} keeps requests that have not ended.
 *
 * @param requester only this requester's requests (what a requester may see of others: nothing)
 * @param offset how many matching requests (newest first) to skip
 * @param limit how many to return at most
 */
public record RequestQuery(String account, LifecycleAction action, String requester, RequestStatus finalStatus,
        boolean openOnly, long offset, int limit) {
}
