package io.github.atlassianlifecycle.client.bitbucket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JavaType;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;

/**
 * Bitbucket Data Center's user administration ({@code /rest/api/latest/admin/users...} and the groups'
 * members, {@code /rest/api/latest/admin/groups...}; an admin's password or HTTP access token as Basic or Bearer).
 * Bitbucket keeps its own users, by user name.
 *
 * <p>There is <b>no deactivate endpoint</b>: a user is deactivated in the user directory Bitbucket reads (its
 * internal directory, LDAP, Crowd or Jira), never through this API. What this API can do to take access away is
 * remove the user from groups or delete the user. Every method throws {@link AtlassianApiException} on anything but
 * 2xx.
 */
public class BitbucketClient {

    /** Page size when following every page. */
    static final int ALL_PAGES_SIZE = 100;

    /** Stops a loop over pages that never ends (a broken {@code nextPageStart}). */
    static final int MAX_PAGES = 10_000;

    private final AtlassianHttpTransport transport;
    private final ApiEndpoint endpoint;
    private final JavaType userPage;
    private final JavaType groupPage;

    public BitbucketClient(AtlassianHttpTransport transport, ApiEndpoint endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.userPage = transport.json().getTypeFactory().constructParametricType(BitbucketPage.class,
                BitbucketUser.class);
        this.groupPage = transport.json().getTypeFactory().constructParametricType(BitbucketPage.class,
                BitbucketGroup.class);
    }

    /** {@code GET /admin/groups?start=&limit=}: one page of Bitbucket's groups. */
    public BitbucketPage<BitbucketGroup> findGroups(int start, int limit) {
        return transport.send(endpoint, ApiRequest.get("/rest/api/latest/admin/groups").query("start", start)
                .query("limit", limit).operation("bitbucket.findGroups"), groupPage);
    }

    /** Every group, following {@code nextPageStart} until {@code isLastPage}. */
    public List<BitbucketGroup> findAllGroups() {
        return all(start -> findGroups(start, ALL_PAGES_SIZE));
    }

    /**
     * {@code GET /admin/groups/more-members?context=<group>&start=&limit=}: one page of the group's members, as
     * {@link #findUsers} shows users (active or not).
     */
    public BitbucketPage<BitbucketUser> groupMembers(String group, int start, int limit) {
        return transport.send(endpoint, ApiRequest.get("/rest/api/latest/admin/groups/more-members")
                .query("context", group).query("start", start).query("limit", limit)
                .operation("bitbucket.groupMembers"), userPage);
    }

    /** Whether the user with this name is a member of the group, reading the group's members page after page. */
    public boolean isMember(String name, String group) {
        return all(start -> groupMembers(group, start, ALL_PAGES_SIZE)).stream()
                .anyMatch(user -> name.equalsIgnoreCase(user.name()));
    }

    /**
     * {@code GET /admin/users?filter=&start=&limit=}: one page of users whose name, display name or email contains
     * {@code filter} (all users when null).
     */
    public BitbucketPage<BitbucketUser> findUsers(String filter, int start, int limit) {
        return transport.send(endpoint, ApiRequest.get("/rest/api/latest/admin/users").query("filter", filter)
                .query("start", start).query("limit", limit).operation("bitbucket.findUsers"), userPage);
    }

    /** Every user matching {@code filter}, following {@code nextPageStart} until {@code isLastPage}. */
    public List<BitbucketUser> findAllUsers(String filter) {
        return all(start -> findUsers(filter, start, ALL_PAGES_SIZE));
    }

    /** Every item of a listing, page after page from the start, until Bitbucket says there is no next one. */
    private static <T> List<T> all(IntFunction<BitbucketPage<T>> pageFrom) {
        List<T> all = new ArrayList<>();
        Integer start = 0;
        for (int page = 0; page < MAX_PAGES && start != null; page++) {
            BitbucketPage<T> current = pageFrom.apply(start);
            all.addAll(current.values());
            start = current.nextStart(start);
        }
        if (start != null) {
            throw new IllegalStateException("Bitbucket gave more than " + MAX_PAGES + " pages; giving up");
        }
        return all;
    }

    /** The user with exactly this name (Bitbucket user names are case-insensitive), if there is one. */
    public Optional<BitbucketUser> findUser(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return findAllUsers(name).stream()
                .filter(user -> user.name() != null && user.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The user with this email address (case-insensitive), if there is one: how an Atlassian account maps here. */
    public Optional<BitbucketUser> findUserByEmail(String emailAddress) {
        String wanted = emailAddress.toLowerCase(Locale.ROOT);
        return findAllUsers(emailAddress).stream()
                .filter(user -> user.emailAddress() != null
                        && user.emailAddress().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /**
     * {@code POST /admin/users?name=&displayName=&emailAddress=&addToDefaultGroup=true&notify=true} (204). With
     * {@code notify} Bitbucket mails the user a link to choose a password, so no password ever passes through this
     * application. 409 when the name is taken, 403 when the licence has no seat left.
     */
    public void createUser(String name, String displayName, String emailAddress) {
        transport.send(endpoint, ApiRequest.post("/rest/api/latest/admin/users").query("name", name)
                .query("displayName", displayName).query("emailAddress", emailAddress)
                .query("addToDefaultGroup", true).query("notify", true).operation("bitbucket.createUser"));
    }

    /**
     * {@code DELETE /admin/users?name=} (200): the deleted user. 404 when unknown, 409 for the caller itself, 403 for
     * a user with a higher permission level than the caller's. Bitbucket removes the user's permissions 7 days
     * after the deletion, as its reference notes.
     */
    public BitbucketUser deleteUser(String name) {
        return transport.send(endpoint, ApiRequest.delete("/rest/api/latest/admin/users").query("name", name)
                .operation("bitbucket.deleteUser"), BitbucketUser.class);
    }

    /**
     * {@link #deleteUser}, where an unknown user (Bitbucket's documented not-found, see
     * {@link AtlassianApiException#isNotFound()}) is already the wanted state. True if deleted now.
     */
    public boolean deleteUserIfPresent(String name) {
        try {
            deleteUser(name);
            return true;
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * {@code POST /admin/users/add-groups {"user":..,"groups":[..]}} (200, no body); 404 for an unknown user or
     * group, 403 beyond the licence or for a group above the caller's permission level. What a repeated add answers
     * the reference does not say (the simulator answers 200).
     */
    public void addToGroups(String name, List<String> groups) {
        transport.send(endpoint, ApiRequest.post("/rest/api/latest/admin/users/add-groups")
                .body(Map.of("user", name, "groups", List.copyOf(groups))).operation("bitbucket.addUserToGroups"));
    }

    /**
     * {@code POST /admin/users/remove-group {"context":user,"itemName":group}} (200, no body); 404 for an unknown user
     * or group, 403 for a group above the caller's permission level.
     */
    public void removeFromGroup(String name, String group) {
        transport.send(endpoint, ApiRequest.post("/rest/api/latest/admin/users/remove-group")
                .body(Map.of("context", name, "itemName", group)).operation("bitbucket.removeUserFromGroup"));
    }
}
