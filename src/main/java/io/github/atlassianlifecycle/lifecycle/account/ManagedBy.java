package io.github.atlassianlifecycle.lifecycle.account;

/**
 * Who owns an account's lifecycle, which decides how it can be changed: through user management (the
 * organization manages it), through SCIM (an identity provider provisions it; an org-level change would be undone
 * by the next sync), at org level only (Google-synced or unmanaged accounts).
 */
public enum ManagedBy {
    /** Email on a domain the organization claimed; user management may change it. */
    ORGANIZATION("the organization (user management)"),
    /** Provisioned by an identity provider through SCIM. */
    SCIM("an identity provider through SCIM"),
    /** Synced from Google Workspace. */
    GOOGLE("Google Workspace"),
    /** Email on a domain the organization has not claimed: only the org membership can be changed. */
    UNMANAGED("nobody in this organization (unmanaged account)");

    private final String description;

    ManagedBy(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
