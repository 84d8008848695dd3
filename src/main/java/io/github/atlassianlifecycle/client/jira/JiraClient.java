package io.github.atlassianlifecycle.client.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;

/**
 * The Jira Cloud platform REST API v3 on the site ({@code /rest/api/3/...}, the site admin's email and API token as
 * HTTP Basic): the site's users and Jira groups. Removing a user here ({@link #deleteUser}) takes the account out of
 * Jira's user base only; the Atlassian account stays, and so does its access to other products.
 * Every method throws {@link AtlassianApiException} on anything but 2xx.
 */
public class JiraClient {

    /** Product keys for {@link #createUser}. */
    public static final String JIRA_SOFTWARE = "jira-software";
    public static final String JIRA_SERVICE_MANAGEMENT = "jira-servicedesk";

    /**
     * The page size asked for when following every page of group members: Jira's documented default. The
     * reference states no maximum; Jira may hand out fewer than asked, so the next offset comes from what a page
     * held, never from this number.
     */
    public static final int GROUP_MEMBERS_PAGE = 50;

    /** Page size when following every page of a user search or group listing. */
    static final int ALL_PAGES_SIZE = 50;

    /** Stops a loop over pages that never ends (a broken offset), well above any real site's size. */
    static final int MAX_PAGES = 10_000;

    private final AtlassianHttpTransport transport;
    private final ApiEndpoint endpoint;
    private final JavaType userPage;
    private final JavaType groupPage;
    private final JavaType userList;
    private final JavaType groupList;

    public JiraClient(AtlassianHttpTransport transport, ApiEndpoint endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
        var types = transport.json().getTypeFactory();
        this.userPage = types.constructParametricType(JiraPage.class, JiraUser.class);
        this.groupPage = types.constructParametricType(JiraPage.class, JiraGroup.class);
        this.userList = types.constructCollectionType(List.class, JiraUser.class);
        this.groupList = types.constructCollectionType(List.class, JiraGroup.class);
    }

    /**
     * {@code POST /rest/api/3/user} (201). Creates the user with access to {@code products}. An email that already
     * belongs to a Jira user answers 201 with that user, so the call is safe to repeat; an existing account without
     * Jira access answers 400, and so does a full licence.
     */
    public JiraUser createUser(String emailAddress, List<String> products) {
        return transport.send(endpoint, ApiRequest.post("/rest/api/3/user")
                .body(new NewUser(emailAddress, List.copyOf(products))).operation("jira.createUser"), JiraUser.class);
    }

    /** {@code GET /rest/api/3/user?accountId=&expand=groups}: the user and their groups; 404 when unknown to Jira. */
    public JiraUser user(String accountId) {
        return transport.send(endpoint, ApiRequest.get("/rest/api/3/user").query("accountId", accountId)
                .query("expand", "groups").operation("jira.getUser"), JiraUser.class);
    }

    /**
     * {@link #user} with Jira's documented not-found turned into empty. A 410, or a 404 without Jira's ErrorCollection
     * (the endpoint gone or moved), still throws: it says nothing about the user.
     */
    public Optional<JiraUser> findUser(String accountId) {
        try {
            return Optional.ofNullable(user(accountId));
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code DELETE /rest/api/3/user?accountId=} (204): removes the user from Jira's user base and its groups. The
     * Atlassian account itself stays; deactivating or deleting it is the organization's job.
     */
    public void deleteUser(String accountId) {
        transport.send(endpoint, ApiRequest.delete("/rest/api/3/user").query("accountId", accountId)
                .operation("jira.deleteUser"));
    }

    /**
     * {@link #deleteUser}, where a user Jira does not know (its documented not-found, see
     * {@link AtlassianApiException#isNotFound()}) is already the wanted state. True if removed now.
     */
    public boolean deleteUserIfPresent(String accountId) {
        try {
            deleteUser(accountId);
            return true;
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /** {@code GET /rest/api/3/user/groups?accountId=}: the user's Jira groups. */
    public List<JiraGroup> userGroups(String accountId) {
        List<JiraGroup> groups = transport.send(endpoint, ApiRequest.get("/rest/api/3/user/groups")
                .query("accountId", accountId).operation("jira.userGroups"), groupList);
        return groups == null ? List.of() : groups;
    }

    /** {@code POST /rest/api/3/group/user?groupId=} (201); 404 when the group or the user is unknown. */
    public void addToGroup(String groupId, String accountId) {
        transport.send(endpoint, ApiRequest.post("/rest/api/3/group/user").query("groupId", groupId)
                .body(Map.of("accountId", accountId)).operation("jira.addUserToGroup"));
    }

    /**
     * Adds the user to the group unless they are in it already (Jira's answer to a repeated add is not documented,
     * so the membership is read first). A user unknown to Jira counts as not a member: the add then decides. True if
     * added now.
     */
    public boolean addToGroupIfAbsent(String groupId, String accountId) {
        if (memberOf(groupId, accountId)) {
            return false;
        }
        addToGroup(groupId, accountId);
        return true;
    }

    /** {@code DELETE /rest/api/3/group/user?groupId=&accountId=}: Jira answers 200, not 204. */
    public void removeFromGroup(String groupId, String accountId) {
        transport.send(endpoint, ApiRequest.delete("/rest/api/3/group/user").query("groupId", groupId)
                .query("accountId", accountId).operation("jira.removeUserFromGroup"));
    }

    /**
     * Removes the user from the group if they are in it; a user unknown to Jira (its documented not-found) is in no
     * group. True if removed now.
     */
    public boolean removeFromGroupIfPresent(String groupId, String accountId) {
        if (!memberOf(groupId, accountId)) {
            return false;
        }
        removeFromGroup(groupId, accountId);
        return true;
    }

    private boolean memberOf(String groupId, String accountId) {
        try {
            return userGroups(accountId).stream().anyMatch(group -> groupId.equals(group.groupId()));
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * {@code GET /rest/api/3/group/member?groupId=&includeInactiveUsers=&startAt=&maxResults=}: one page of the
     * group's members (Jira's default {@code maxResults} is {@value #GROUP_MEMBERS_PAGE}; a page may hold fewer).
     */
    public JiraPage<JiraUser> groupMembers(String groupId, boolean includeInactiveUsers, int startAt, int maxResults) {
        return transport.send(endpoint, ApiRequest.get("/rest/api/3/group/member").query("groupId", groupId)
                .query("includeInactiveUsers", includeInactiveUsers).query("startAt", startAt)
                .query("maxResults", maxResults).operation("jira.groupMembers"), userPage);
    }

    /** Every member of the group, following the pages until {@code isLast}. */
    public List<JiraUser> allGroupMembers(String groupId, boolean includeInactiveUsers) {
        return allPages(startAt -> groupMembers(groupId, includeInactiveUsers, startAt, GROUP_MEMBERS_PAGE));
    }

    /**
     * {@code GET /rest/api/3/user/search?query=&startAt=&maxResults=}: one page of matching users. Jira lists
     * active users only: deactivated and suspended accounts are not found here (ask the organization API for them).
     */
    public List<JiraUser> searchUsers(String query, int startAt, int maxResults) {
        List<JiraUser> users = transport.send(endpoint, ApiRequest.get("/rest/api/3/user/search")
                .query("query", query).query("startAt", startAt).query("maxResults", maxResults)
                .operation("jira.searchUsers"), userList);
        return users == null ? List.of() : users;
    }

    /**
     * Every active user matching {@code query}. Jira may return fewer users than asked for even when more exist, so
     * only an empty page ends the search.
     */
    public List<JiraUser> searchAllUsers(String query) {
        List<JiraUser> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            List<JiraUser> users = searchUsers(query, all.size(), ALL_PAGES_SIZE);
            if (users.isEmpty()) {
                return all;
            }
            all.addAll(users);
        }
        throw tooManyPages("user search");
    }

    /**
     * {@code GET /rest/api/3/users/search?startAt=&maxResults=} ("Get all users default"): one page of every user of
     * the site, active and inactive, whatever groups they are in (a bare list). A page may hold fewer users than
     * asked for, so only an empty page ends the listing.
     */
    public List<JiraUser> allUsers(int startAt, int maxResults) {
        List<JiraUser> users = transport.send(endpoint, ApiRequest.get("/rest/api/3/users/search")
                .query("startAt", startAt).query("maxResults", maxResults).operation("jira.allUsers"), userList);
        return users == null ? List.of() : users;
    }

    /** {@code GET /rest/api/3/group/bulk?groupName=&startAt=&maxResults=}: one page of groups, all when no names. */
    public JiraPage<JiraGroup> groups(List<String> groupNames, int startAt, int maxResults) {
        return transport.send(endpoint, ApiRequest.get("/rest/api/3/group/bulk").queryEach("groupName", groupNames)
                .query("startAt", startAt).query("maxResults", maxResults).operation("jira.findGroups"), groupPage);
    }

    /** Every Jira group of the site. */
    public List<JiraGroup> allGroups() {
        return allPages(startAt -> groups(List.of(), startAt, ALL_PAGES_SIZE));
    }

    /** The group of that name (Jira group names are case-insensitive), if the site has one. */
    public Optional<JiraGroup> groupByName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return groups(List.of(name), 0, ALL_PAGES_SIZE).values().stream()
                .filter(group -> group.name() != null && group.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The id of the group of that name: the other group calls take ids, people think in names. */
    public Optional<String> groupIdByName(String name) {
        return groupByName(name).map(JiraGroup::groupId);
    }

    private <T> List<T> allPages(PageFetcher<T> fetch) {
        List<T> all = new ArrayList<>();
        int startAt = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JiraPage<T> current = fetch.page(startAt);
            all.addAll(current.values());
            if (current.last() || current.values().isEmpty()) {
                return all;
            }
            startAt = current.nextStartAt();
        }
        throw tooManyPages("listing");
    }

    private IllegalStateException tooManyPages(String what) {
        return new IllegalStateException("Jira " + what + " gave more than " + MAX_PAGES + " pages; giving up");
    }

    @FunctionalInterface
    private interface PageFetcher<T> {
        JiraPage<T> page(int startAt);
    }

    /** The body of {@code POST /rest/api/3/user}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewUser(String emailAddress, List<String> products) {
    }
}
