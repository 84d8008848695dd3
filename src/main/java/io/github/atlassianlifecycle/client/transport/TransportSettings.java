package io.github.atlassianlifecycle.client.transport;

import java.time.Duration;

/** Timeouts, pool size and the {@code User-Agent} of the shared HTTP transport. */
public record TransportSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
        String userAgent) {

    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 50, UserAgent.value());
    }
}
