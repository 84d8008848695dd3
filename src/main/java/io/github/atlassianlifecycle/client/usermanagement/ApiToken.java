package io.github.atlassianlifecycle.client.usermanagement;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One of a managed account's API tokens, Atlassian's {@code ApiTokenModel}: what identifies it and when it was made,
 * last used and expires. Atlassian never answers the token's secret, so none can leak from here.
 * {@code lastAccess} and {@code expiry} may be absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiToken(String id, String label, Instant createdAt, Instant lastAccess, Instant expiry) {
}
