package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceGroup;

/**
 * The Confluence groups of the directory's suspended and deactivated people, one person at a time
 * ({@code GET /wiki/rest/api/user/memberof}): Confluence's group member lists ({@link ConfluenceSource}) leave
 * inactive users out, so without this read a deactivated account still holding Confluence groups looks absent. The
 * people are those of the directory already read (the same after a resume); the cursor is the last account id done.
 */
public final class ConfluenceMembershipsSource implements ProductSource, OutOfUseAccountsSource {

    public static final String NAME = "confluence-memberships";
    /** People per page (each is one or more calls). */
    static final int PAGE = 20;

    private final ConfluenceClient confluence;
    private final Clock clock;
    private List<String> accounts = List.of();

    public ConfluenceMembershipsSource(ConfluenceClient confluence, Clock clock) {
        this.confluence = Objects.requireNonNull(confluence, "confluence");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void outOfUse(Set<String> accountIds) {
        this.accounts = List.copyOf(new TreeSet<>(accountIds));
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
    public SourcePage read(String cursor) {
        List<String> next = accounts.stream().filter(id -> cursor == null || id.compareTo(cursor) > 0).limit(PAGE)
                .toList();
        List<ProductPresence> presences = new ArrayList<>();
        for (String accountId : next) {
            List<ConfluenceGroup> groups = confluence.allGroupsOf(accountId);
            Instant readAt = clock.instant();
            Set<String> names = new TreeSet<>();
            groups.stream().map(ConfluenceGroup::name).filter(Objects::nonNull).forEach(names::add);
            if (!names.isEmpty()) {
                presences.add(new ProductPresence(Product.CONFLUENCE, accountId, null, null, true, false, names,
                        readAt));
            }
        }
        boolean more = !next.isEmpty() && accounts.indexOf(next.get(next.size() - 1)) < accounts.size() - 1;
        return new SourcePage(List.of(), presences, more ? next.get(next.size() - 1) : null);
    }
}
