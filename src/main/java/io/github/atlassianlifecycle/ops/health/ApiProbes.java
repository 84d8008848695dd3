package io.github.atlassianlifecycle.ops.health;

import java.util.List;

import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;

/**
 * The cheapest authenticated read of each API family: one page of one item, with the credential the lifecycle uses,
 * so a DOWN also catches a revoked key. User management has none without an account id; it shares the
 * organizations API's host and key, whose probe stands for both.
 */
public final class ApiProbes {

    private ApiProbes() {
    }

    public static Runnable organizations(OrganizationsClient client) {
        return () -> client.directories(null, 1);
    }

    public static Runnable scim(ScimClient client) {
        return () -> client.listUsers(1, 1);
    }

    public static Runnable jira(JiraClient client) {
        return () -> client.groups(List.of(), 0, 1);
    }

    public static Runnable confluence(ConfluenceClient client) {
        return () -> client.groups(0, 1);
    }

    public static Runnable bitbucket(BitbucketClient client) {
        return () -> client.findUsers(null, 0, 1);
    }
}
