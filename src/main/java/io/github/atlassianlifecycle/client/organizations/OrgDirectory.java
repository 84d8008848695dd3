package io.github.atlassianlifecycle.client.organizations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user directory of the organization; with centralized user management there is exactly one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgDirectory(String directoryId, String name, String icon) {
}
