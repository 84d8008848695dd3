package io.github.atlassianlifecycle.simulator.core;

/**
 * The Atlassian APIs the simulator serves, each with its own error body shape and its own rate limit window. The
 * simulator's own list, not the clients' {@code ApiFamily}: it stands in for Atlassian and knows nothing of them.
 */
public enum SimulatedApi {
    ORGANIZATIONS, USER_MANAGEMENT, SCIM, JIRA, CONFLUENCE, BITBUCKET
}
