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
 * Bitbucket Data Center's own users ({@code GET /rest/api/latest/admin/users}, 100 a page). The cursor is the
 * {@code nextPageStart} Bitbucket handed out. Only {@code NORMAL} users are people (service users are not). The
 * listing holds no groups: {@link BitbucketGroupsSource} reads those.
 */
public final class BitbucketSource implements ProductSource {

    public static final String NAME = "bitbucket";
    public static final String OPERATION = "bitbucket.findUsers";
    static final int PAGE = 100;

    private final BitbucketClient bitbucket;
    private final Clock clock;

    public BitbucketSource(BitbucketClient bitbucket, Clock clock) {
        this.bitbucket = Objects.requireNonNull(bitbucket, "bitbucket");
        this.clock = Objects.requireNonNull(clock, "clock");
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
    public SourcePage read(String cursor) {
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        BitbucketPage<BitbucketUser> page = bitbucket.findUsers(null, start, PAGE);
        Instant readAt = clock.instant();
        Integer next = page.nextStart(start);
        return new SourcePage(List.of(), presences(page, Set.of(), readAt), next == null ? null : String.valueOf(next));
    }

    /** The page's users as Bitbucket presences holding {@code groups}; only {@code NORMAL} users are people. */
    static List<ProductPresence> presences(BitbucketPage<BitbucketUser> page, Set<String> groups, Instant readAt) {
        return page.values().stream().filter(user -> user.name() != null)
                .map(user -> new ProductPresence(Product.BITBUCKET, null, user.name(), user.emailAddress(),
                        user.type() == null || "NORMAL".equals(user.type()), user.active(), groups, readAt))
                .toList();
    }
}
