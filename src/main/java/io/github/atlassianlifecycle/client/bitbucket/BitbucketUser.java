package io.github.atlassianlifecycle.client.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Bitbucket Data Center user. Bitbucket has its own user base, keyed by user {@code name}, not by Atlassian account
 * id: the link to an Atlassian account is the email address. {@code active} comes from the user directory.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketUser(String name, String emailAddress, Long id, String displayName, boolean active,
        String slug, String type, String directoryName, Boolean deletable) {
}
