package io.github.atlassianlifecycle.request;

import java.time.Instant;

/** One Atlassian API call made for a request, as the evidence record lists it. */
public record RecordedApiCall(Instant at, long durationMillis, String system, String operation, String method,
        String path, int status, String atlassianRequestId) {
}
