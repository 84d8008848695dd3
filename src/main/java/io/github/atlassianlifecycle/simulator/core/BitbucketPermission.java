package io.github.atlassianlifecycle.simulator.core;

/** Bitbucket Data Center's global permissions, lowest first, as far as the simulated admin calls compare them. */
public enum BitbucketPermission {
    NONE, LICENSED_USER, PROJECT_CREATE, ADMIN, SYS_ADMIN
}
