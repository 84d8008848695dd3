package io.github.atlassianlifecycle.client.jira;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Jira group as {@code /rest/api/3/user/groups} and {@code /group/bulk} show it. Use {@code groupId}: a group's
 * name can change, its id cannot.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JiraGroup(String name, String groupId, String self) {
}
