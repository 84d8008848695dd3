package io.github.atlassianlifecycle.client.jira;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Jira user ({@code /rest/api/3/user}). {@code emailAddress} may be null: the user's privacy settings decide.
 * {@code active} is false for deactivated and suspended accounts. {@code groups} holds items only when the call
 * asked for {@code expand=groups}; otherwise just the size.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JiraUser(String self, String accountId, String accountType, String emailAddress, String displayName,
        boolean active, String timeZone, Groups groups) {

    /** The user's groups, empty when they were not expanded. */
    public List<JiraGroup> groupList() {
        return groups == null || groups.items() == null ? List.of() : groups.items();
    }

    /** Whether the expanded groups hold {@code groupId}. */
    public boolean isMemberOf(String groupId) {
        return groupList().stream().anyMatch(group -> groupId.equals(group.groupId()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Groups(int size, List<JiraGroup> items) {
    }
}
