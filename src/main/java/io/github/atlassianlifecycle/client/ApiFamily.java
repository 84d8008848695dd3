package io.github.atlassianlifecycle.client;

/**
 * The Atlassian APIs this plugin calls. Each has its own credential kind, error body shape and rate limit, so
 * errors, limits and metrics are kept apart per family.
 */
public enum ApiFamily {
    ORGANIZATIONS("Organizations"),
    USER_MANAGEMENT("User management"),
    SCIM("SCIM"),
    JIRA("Jira"),
    CONFLUENCE("Confluence"),
    BITBUCKET("Bitbucket");

    private final String displayName;

    ApiFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
