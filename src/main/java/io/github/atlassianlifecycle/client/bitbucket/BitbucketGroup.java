package io.github.atlassianlifecycle.client.bitbucket;

/** A Bitbucket Data Center group as {@code GET /admin/groups} lists it: groups are known by name. */
public record BitbucketGroup(String name, Boolean deletable) {
}
