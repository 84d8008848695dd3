package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.github.atlassianlifecycle.client.organizations.OrgUser;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.organizations.Page;
import io.github.atlassianlifecycle.client.organizations.UserSearch;

/**
 * Every directory user, through the organizations search ({@code POST .../users/search}, 100 a page), with
 * {@code productAccess} expanded so the last-active dates come with the page instead of one call per user. The
 * cursor is the API's own.
 */
public final class DirectorySource implements ReconcileSource {

    public static final String NAME = "directory";
    public static final String OPERATION = "organizations.searchUsers";

    private final OrganizationsClient organizations;
    private final Clock clock;

    public DirectorySource(OrganizationsClient organizations, Clock clock) {
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SourcePage read(String cursor) {
        Page<OrgUser> page = organizations.searchUsers(UserSearch.all().withLimit(OrganizationsClient.MAX_LIMIT)
                .withExpand(UserSearch.Expand.PRODUCT_ACCESS).withCursor(cursor));
        Instant readAt = clock.instant();
        List<DirectoryEntry> entries = page.data().stream().filter(user -> user.accountId() != null)
                .map(user -> entry(user, readAt)).toList();
        return new SourcePage(entries, List.of(), page.nextCursor().orElse(null));
    }

    private static DirectoryEntry entry(OrgUser user, Instant readAt) {
        OrgUser.ProductAccess latest = user.productAccess() == null ? null : user.productAccess().stream()
                .filter(access -> access.lastActiveTimestamp() != null)
                .max(Comparator.comparing(OrgUser.ProductAccess::lastActiveTimestamp)).orElse(null);
        return new DirectoryEntry(user.accountId(), user.email(), user.accountType(), user.status(),
                user.accountStatus(), user.membershipStatus(), user.isScheduledForDeletion(), user.addedToOrg(),
                latest == null ? null : latest.lastActiveTimestamp(), latest == null ? null : latest.key(), readAt);
    }
}
