package io.github.atlassianlifecycle.client.confluence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Confluence group. Membership calls take the {@code id}: a group's name can change, its id cannot. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfluenceGroup(String type, String name, String id) {
}
