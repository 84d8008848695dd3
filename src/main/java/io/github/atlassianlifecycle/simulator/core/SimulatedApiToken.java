package io.github.atlassianlifecycle.simulator.core;

import java.time.Instant;

/**
 * One API token a simulated account owns, as Atlassian's {@code ApiTokenModel} lists it. The simulator holds no
 * secret for it: listing and revoking never needed one.
 */
public record SimulatedApiToken(String id, String label, Instant createdAt, Instant lastAccess, Instant expiry) {
}
