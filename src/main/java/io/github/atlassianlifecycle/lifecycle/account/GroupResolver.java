package io.github.atlassianlifecycle.lifecycle.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;

/** Finds the ids of the groups a request names, in the organization, Jira or Confluence. */
public class GroupResolver {

    private final OrganizationsClient organizations;
    private final Optional<JiraClient> jira;
    private final Optional<ConfluenceClient> confluence;

    public GroupResolver(OrganizationsClient organizations, Optional<JiraClient> jira,
            Optional<ConfluenceClient> confluence) {
        this.organizations = organizations;
        this.jira = jira;
        this.confluence = confluence;
    }

    /** A group with its id, namespace and whether membership is managed by an identity provider. */
    public record ResolvedGroup(GroupNamespace namespace, String id, String name, boolean synced) {
    }

    /**
     * @throws LifecycleBusinessException UNKNOWN_GROUP naming every group that does not exist
     */
    public List<ResolvedGroup> resolve(List<String> requested) {
        List<ResolvedGroup> resolved = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : requested) {
            GroupNamespace.RequestedGroup group = GroupNamespace.parse(name);
            Optional<ResolvedGroup> found = find(group);
            if (found.isPresent()) {
                resolved.add(found.get());
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new LifecycleBusinessException(BusinessError.UNKNOWN_GROUP, "No such group: "
                    + String.join(", ", unknown) + " (plain names are organization groups; prefix jira: or "
                    + "confluence: for product groups)", null);
        }
        return resolved;
    }

    private Optional<ResolvedGroup> find(GroupNamespace.RequestedGroup group) {
        try {
            return switch (group.namespace()) {
                case ORGANIZATION -> organizations.findGroupByName(group.name())
                        .map(g -> new ResolvedGroup(GroupNamespace.ORGANIZATION, g.id(), g.name(), g.isSynced()));
                case JIRA -> jira.flatMap(client -> client.groupByName(group.name()))
                        .map(g -> new ResolvedGroup(GroupNamespace.JIRA, g.groupId(), g.name(), false));
                case CONFLUENCE -> confluence.flatMap(client -> client.groupIdByName(group.name()))
                        .map(id -> new ResolvedGroup(GroupNamespace.CONFLUENCE, id, group.name(), false));
            };
        } catch (AtlassianApiException e) {
            if (!e.isBusiness()) {
                throw e; // retried (transient) or an incident (endpoint unavailable)
            }
            throw LifecycleBusinessException.of(e);
        }
    }
}
