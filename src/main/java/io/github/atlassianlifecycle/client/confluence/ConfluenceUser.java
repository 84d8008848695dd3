package io.github.atlassianlifecycle.client.confluence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A member of a Confluence group. {@code email} may be null: the user's privacy settings decide. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfluenceUser(String type, String accountId, String accountType, String email, String publicName,
        String displayName) {
}
