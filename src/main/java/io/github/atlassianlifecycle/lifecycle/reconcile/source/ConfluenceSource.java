package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.confluence.ConfluencePage;
import io.github.atlassianlifecycle.client.confluence.ConfluenceUser;

/**
 * Confluence's people: every group ({@code GET /wiki/rest/api/group}) and its members
 * ({@code GET /wiki/rest/api/group/{groupId}/membersByGroupId}). Confluence lists active members only, so a member
 * seen here is active; a deactivated account's Confluence groups are not visible through this listing
 * ({@link ConfluenceMembershipsSource} reads those).
 */
public final class ConfluenceSource extends GroupMembersSource implements ProductSource {

    public static final String NAME = "confluence";
    public static final String OPERATION = "confluence.groupMembers";

    private final ConfluenceClient confluence;

    public ConfluenceSource(ConfluenceClient confluence, Clock clock) {
        super(clock);
        this.confluence = Objects.requireNonNull(confluence, "confluence");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Product product() {
        return Product.CONFLUENCE;
    }

    @Override
    List<Group> listGroups() {
        return confluence.allGroups().stream().map(group -> new Group(group.id(), group.name())).toList();
    }

    @Override
    Members members(Group group, int start, Instant readAt) {
        ConfluencePage<ConfluenceUser> page = confluence.members(group.id(), start, ConfluenceClient.PAGE_LIMIT);
        List<ProductPresence> presences = page.results().stream().filter(user -> user.accountId() != null)
                .map(user -> new ProductPresence(Product.CONFLUENCE, user.accountId(), null, user.email(),
                        DirectoryEntry.PERSON.equals(user.accountType()), true, Set.of(group.name()), readAt))
                .toList();
        boolean more = page.hasNext() && !page.results().isEmpty();
        return new Members(presences, more ? page.nextStart() : null);
    }
}
