package io.github.atlassianlifecycle.client.transport;

import io.github.atlassianlifecycle.client.ApiFamily;

/**
 * Runs before each exchange; may wait (a rate limiter) or refuse by throwing
 * {@link io.github.atlassianlifecycle.client.AtlassianApiException}.
 */
@FunctionalInterface
public interface ApiCallGate {

    void beforeCall(ApiFamily family, String operation);
}
