package io.github.atlassianlifecycle.client.organizations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A group of the organization's directory.
 *
 * @param externalSynced made by an identity provider's sync: its members can only be changed there
 * @param managedBy {@code external}, {@code admins}, {@code team-members} or {@code open}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgGroup(String id, String name, String description, String directoryId, Boolean externalSynced,
        String managedBy, Links links) {

    /** Synced from an identity provider: membership changes through this API are refused. */
    public boolean isSynced() {
        return Boolean.TRUE.equals(externalSynced) || "external".equals(managedBy);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Links(String self) {
    }
}
