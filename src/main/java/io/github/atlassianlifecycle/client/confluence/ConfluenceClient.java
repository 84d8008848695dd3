package io.github.atlassianlifecycle.client.confluence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JavaType;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;

/**
 * Confluence Cloud group membership, REST v1 on the site ({@code /wiki/rest/api/group/...}, the site admin's email
 * and API token as HTTP Basic). Removing a member is idempotent by design (204 also for a non-member, 404 for an
 * account that does not exist). Whether member listings show deactivated and suspended users the reference does not
 * say; nothing here depends on it. Every method throws {@link AtlassianApiException} on anything but 2xx, except
 * {@link #memberOf} for an unknown account.
 */
public class ConfluenceClient {

    /**
     * The {@code limit} asked for when following every page: the documented default of each listing. Above it,
     * {@code membersByGroupId} is documented to answer 400; {@code /group} and {@code /user/memberof} say only that
     * the limit "may be restricted by fixed system limits", so a page may hold fewer, and the next page starts after
     * what a page held.
     */
    public static final int PAGE_LIMIT = 200;

    /** Stops a loop over pages that never ends, well above any real site's size. */
    static final int MAX_PAGES = 10_000;

    private final AtlassianHttpTransport transport;
    private final ApiEndpoint endpoint;
    private final JavaType userPage;
    private final JavaType groupPage;

    public ConfluenceClient(AtlassianHttpTransport transport, ApiEndpoint endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
        var types = transport.json().getTypeFactory();
        this.userPage = types.constructParametricType(ConfluencePage.class, ConfluenceUser.class);
        this.groupPage = types.constructParametricType(ConfluencePage.class, ConfluenceGroup.class);
    }

    /**
     * {@code POST /wiki/rest/api/group/userByGroupId?groupId=} (201); 404 when the group is unknown, 400 for a
     * missing or invalid accountId (an unknown account may also come back as 404: the reference does not say).
     */
    public void addMember(String groupId, String accountId) {
        transport.send(endpoint, ApiRequest.post("/wiki/rest/api/group/userByGroupId").query("groupId", groupId)
                .body(Map.of("accountId", accountId)).operation("confluence.addMember"));
    }

    /**
     * {@code DELETE /wiki/rest/api/group/userByGroupId?groupId=&accountId=} (204, also when not a member; 404 when no
     * user exists for the accountId or the group is unknown).
     */
    public void removeMember(String groupId, String accountId) {
        transport.send(endpoint, ApiRequest.delete("/wiki/rest/api/group/userByGroupId").query("groupId", groupId)
                .query("accountId", accountId).operation("confluence.removeMember"));
    }

    /**
     * {@code GET /wiki/rest/api/group/{groupId}/membersByGroupId?start=&limit=}: one page of the group's active
     * members ({@code limit} at most {@value #PAGE_LIMIT}, else 400, as documented).
     */
    public ConfluencePage<ConfluenceUser> members(String groupId, int start, int limit) {
        return transport.send(endpoint, ApiRequest.get("/wiki/rest/api/group/{}/membersByGroupId", groupId)
                .query("start", start).query("limit", limit).operation("confluence.groupMembers"), userPage);
    }

    /** Every active member of the group. */
    public List<ConfluenceUser> allMembers(String groupId) {
        return allPages(start -> members(groupId, start, PAGE_LIMIT));
    }

    /** {@code GET /wiki/rest/api/group?start=&limit=}: one page of the site's groups. */
    public ConfluencePage<ConfluenceGroup> groups(int start, int limit) {
        return transport.send(endpoint, ApiRequest.get("/wiki/rest/api/group").query("start", start)
                .query("limit", limit).operation("confluence.groups"), groupPage);
    }

    /** Every Confluence group of the site. */
    public List<ConfluenceGroup> allGroups() {
        return allPages(start -> groups(start, PAGE_LIMIT));
    }

    /**
     * {@code GET /wiki/rest/api/user/memberof?accountId=&start=&limit=}: one page of the groups the user is in. The
     * reference documents only 200 and 403 for it, so an account Confluence does not know may come back as no
     * groups or as a 404 in Confluence's error shape; both read as an empty page. A 410, or a 404 in another shape,
     * is the endpoint gone, not the account: it throws.
     */
    public ConfluencePage<ConfluenceGroup> memberOf(String accountId, int start, int limit) {
        try {
            return transport.send(endpoint, ApiRequest.get("/wiki/rest/api/user/memberof").query("accountId", accountId)
                    .query("start", start).query("limit", limit).operation("confluence.memberOf"), groupPage);
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return new ConfluencePage<>(List.of(), start, limit, 0, null);
            }
            throw e;
        }
    }

    /** Every Confluence group the user is in. */
    public List<ConfluenceGroup> allGroupsOf(String accountId) {
        return allPages(start -> memberOf(accountId, start, PAGE_LIMIT));
    }

    /** The id of the group of that name (case-insensitive), if the site has one. */
    public Optional<String> groupIdByName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return allGroups().stream()
                .filter(group -> group.name() != null && group.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(ConfluenceGroup::id)
                .findFirst();
    }

    private <T> List<T> allPages(PageFetcher<T> fetch) {
        List<T> all = new ArrayList<>();
        int start = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            ConfluencePage<T> current = fetch.page(start);
            all.addAll(current.results());
            if (!current.hasNext() || current.results().isEmpty()) {
                return all;
            }
            start = current.nextStart();
        }
        throw new IllegalStateException("Confluence gave more than " + MAX_PAGES + " pages; giving up");
    }

    @FunctionalInterface
    private interface PageFetcher<T> {
        ConfluencePage<T> page(int start);
    }
}
