package io.github.atlassianlifecycle.client.transport;

import java.time.Duration;
import java.time.Instant;

import io.github.atlassianlifecycle.client.ApiFamily;

/**
 * The record of one HTTP exchange, handed to {@link ApiCallListener}s: what an audit trail and metrics need, and
 * nothing secret (no headers, no bodies).
 */
public record ApiCall(Instant startedAt, Duration duration, ApiFamily family, String operation, String method,
        String path, int status, String requestId) {
}
