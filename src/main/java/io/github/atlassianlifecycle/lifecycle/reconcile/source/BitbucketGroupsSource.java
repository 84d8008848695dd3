package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketPage;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketUser;

/**
 * Bitbucket Data Center's groups ({@code GET /rest/api/latest/admin/groups}) and each group's members
 * ({@code GET /rest/api/latest/admin/groups/more-members}, active or not), so a Bitbucket user's groups show: the
 * user list ({@link BitbucketSource}) has none. Groups are known by name, which is also the cursor's group part.
 */
public final class BitbucketGroupsSource extends GroupMembersSource implements ProductSource {

    public static final String NAME = "bitbucket-groups";

    private final BitbucketClient bitbucket;

    public BitbucketGroupsSource(BitbucketClient bitbucket, Clock clock) {
        super(clock);
        this.bitbucket = Objects.requireNonNull(bitbucket, "bitbucket");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Product product() {
        return Product.BITBUCKET;
    }

    @Override
    List<Group> listGroups() {
        return bitbucket.findAllGroups().stream().filter(group -> group.name() != null)
                .map(group -> new Group(group.name(), group.name())).toList();
    }

    @Override
    Members members(Group group, int start, Instant readAt) {
        BitbucketPage<BitbucketUser> page = bitbucket.groupMembers(group.name(), start, BitbucketSource.PAGE);
        return new Members(BitbucketSource.presences(page, Set.of(group.name()), readAt),
                page.nextStart(start));
    }
}
