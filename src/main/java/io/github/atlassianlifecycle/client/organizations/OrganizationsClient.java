package io.github.atlassianlifecycle.client.organizations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;

/**
 * The Organizations REST API ({@code /admin/v2/orgs/{orgId}/...}, v1 only for last-active dates), organization API
 * key as Bearer, for one organization and its directory. v2 throughout: v1 user writes stopped working after
 * 2026-06-30. Users and groups are found through the searches ({@code POST .../users/search},
 * {@code POST .../groups/search}): the {@code GET} listings they replace stop working after 2027-06-30, so this
 * client has no way to call them (see docs/api-coverage.md). Results come as one {@link Page} (pass its cursor
 * back) or as every page at once. Every method throws
 * {@link AtlassianApiException} on anything but 2xx; its {@code errorKey()} is the API's code, e.g.
 * {@code ADMIN-UAM-409-2}. An {@value #ORGANIZATION_NOT_FOUND} (Organization not found) on any call is a
 * {@link AtlassianApiException.Kind#MISCONFIGURED misconfigured} failure naming {@value #ORG_ID_SETTING}, never an
 * account not found.
 */
public class OrganizationsClient {

    /** The API refuses a larger page. */
    public static final int MAX_LIMIT = 100;
    /** Already a member of the group. */
    public static final String ALREADY_MEMBER = "ADMIN-UAM-409-2";
    /** The group would take a product over its licensed user limit. */
    public static final String LICENCE_LIMIT = "ADMIN-UAM-409-3";
    /** The account is deactivated and cannot be added to a group. */
    public static final String INACTIVE_USER = "ADMIN-UAM-400-2";
    /** The path's organization id is not one Atlassian knows: the configuration is wrong, not the account. */
    public static final String ORGANIZATION_NOT_FOUND = "ADMIN-UAM-404-2";
    /** The setting the organization id comes from, named when Atlassian does not know the id. */
    public static final String ORG_ID_SETTING = "atlassian.org-id";

    /** 1,000 pages of 100 is 100,000 users, the largest directory the simulator seeds; more means a broken cursor. */
    private static final int MAX_PAGES = 1_000;

    private final AtlassianHttpTransport transport;
    private final ApiEndpoint endpoint;
    private final String orgId;
    private final String directoryId;
    private final Pages pages = new Pages(MAX_PAGES);
    private final JavaType userPage;
    private final JavaType groupPage;
    private final JavaType directoryPage;

    public OrganizationsClient(AtlassianHttpTransport transport, ApiEndpoint endpoint, String orgId,
            String directoryId) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.directoryId = Objects.requireNonNull(directoryId, "directoryId");
        var types = transport.json().getTypeFactory();
        this.userPage = types.constructParametricType(Page.class, OrgUser.class);
        this.groupPage = types.constructParametricType(Page.class, OrgGroup.class);
        this.directoryPage = types.constructParametricType(Page.class, OrgDirectory.class);
    }

    // ---- directories

    /** {@code GET /v2/orgs/{orgId}/directories}: one page; a null cursor is the first page. */
    public Page<OrgDirectory> directories(String cursor, Integer limit) {
        checkLimit(limit);
        return send(ApiRequest.get("/admin/v2/orgs/{}/directories", orgId)
                .query("cursor", cursor).query("limit", limit).operation("organizations.directories"), directoryPage);
    }

    /** Every directory of the organization (with centralized user management, exactly one). */
    public List<OrgDirectory> allDirectories() {
        return pages.collect("organizations.directories", cursor -> directories(cursor, MAX_LIMIT));
    }

    // ---- users

    /**
     * {@code GET .../directories/{directoryId}/users/{accountId}}. Unlike the listings, Atlassian wraps this one user
     * in {@code data}; an answer without it is a contract break, not a user whose fields are all unknown.
     */
    public OrgUser user(String accountId) {
        UserDetails details = send(usersPath(ApiRequest::get, "/{}", accountId)
                .operation("organizations.user"), UserDetails.class);
        if (details == null || details.data() == null) {
            throw new AtlassianApiException(endpoint.family(), "organizations.user", 200, "unreadableBody", null,
                    "the answer has no data object holding the user", null, null, null, null);
        }
        return details.data();
    }

    /** {@code POST .../directories/{directoryId}/users/search}: one page (the search's own cursor and limit). */
    public Page<OrgUser> searchUsers(UserSearch search) {
        Objects.requireNonNull(search, "search");
        return send(usersPath(ApiRequest::post, "/search").body(search)
                .operation("organizations.searchUsers"), userPage);
    }

    /** Every page of {@link #searchUsers}, 100 at a time unless the search sets its own limit. */
    public List<OrgUser> searchAllUsers(UserSearch search) {
        UserSearch first = search.limit() == null ? search.withLimit(MAX_LIMIT) : search;
        return pages.collect("organizations.searchUsers", cursor -> searchUsers(first.withCursor(cursor)));
    }

    /** The directory's user with exactly this email (case-insensitive), if any. */
    public Optional<OrgUser> findByEmail(String email) {
        Objects.requireNonNull(email, "email");
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return searchAllUsers(UserSearch.byEmails(email.trim())).stream()
                .filter(user -> user.email() != null && user.email().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /**
     * {@code POST .../users/{accountId}/suspend}: removes access to every app of the directory and stops billing;
     * groups and roles come back on {@link #restore}. Accepts 204 and 200 alike (the status is not documented).
     */
    public void suspend(String accountId) {
        send(usersPath(ApiRequest::post, "/{}/suspend", accountId)
                .operation("organizations.suspend"));
    }

    /** {@code POST .../users/{accountId}/restore}: access, groups and roles return; billing resumes. */
    public void restore(String accountId) {
        send(usersPath(ApiRequest::post, "/{}/restore", accountId)
                .operation("organizations.restore"));
    }

    /**
     * {@code DELETE .../users/{accountId}}: removes the user from the directory. Groups and roles are lost; only a
     * new {@link #invite} brings the user back. Atlassian queues the removal, so a read right after may lag.
     */
    public void removeFromDirectory(String accountId) {
        send(usersPath(ApiRequest::delete, "/{}", accountId)
                .operation("organizations.removeFromDirectory"));
    }

    /**
     * {@code POST /v2/orgs/{orgId}/users/invite}: adds each email to the directory, making an account for a new
     * one. Needs a paid subscription in the organization (402 {@code ADMIN-UAM-402-1} otherwise).
     */
    public List<InvitedUser> invite(Invitation invitation) {
        Objects.requireNonNull(invitation, "invitation");
        InviteAnswer answer = send(ApiRequest.post("/admin/v2/orgs/{}/users/invite", orgId)
                .body(invitation).operation("organizations.invite"), InviteAnswer.class);
        return answer == null || answer.data() == null ? List.of() : List.copyOf(answer.data());
    }

    /** {@code GET /v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates}, every page merged. */
    public LastActiveDates lastActiveDates(String accountId) {
        List<LastActiveDates.ProductLastActive> products = new ArrayList<>();
        LastActiveDates first = null;
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            LastActiveDates.Envelope envelope = send(
                    ApiRequest.get("/admin/v1/orgs/{}/directory/users/{}/last-active-dates", orgId, accountId)
                            .query("cursor", cursor).operation("organizations.lastActiveDates"),
                    LastActiveDates.Envelope.class);
            LastActiveDates data = envelope == null || envelope.data() == null
                    ? new LastActiveDates(null, null, null) : envelope.data();
            first = first == null ? data : first;
            products.addAll(data.productAccess());
            String next = envelope == null || envelope.links() == null ? null : envelope.links().next();
            if (next == null || next.isBlank() || next.equals(cursor)) {
                return new LastActiveDates(products, first.addedToOrg(), first.addedToOrgTimestamp());
            }
            cursor = next;
        }
        throw new AtlassianApiException(endpoint.family(), "organizations.lastActiveDates", 200, "pagingBroken", null,
                "paging stopped: more than " + MAX_PAGES + " pages", null, null, null, null);
    }

    // ---- groups

    /** {@code POST .../directories/{directoryId}/groups/search}: one page. */
    public Page<OrgGroup> searchGroups(GroupSearch search) {
        Objects.requireNonNull(search, "search");
        return send(groupsPath(ApiRequest::post, "/search").body(search)
                .operation("organizations.searchGroups"), groupPage);
    }

    /** Every page of {@link #searchGroups}. */
    public List<OrgGroup> searchAllGroups(GroupSearch search) {
        GroupSearch first = search.limit() == null ? search.withLimit(MAX_LIMIT) : search;
        return pages.collect("organizations.searchGroups", cursor -> searchGroups(first.withCursor(cursor)));
    }

    /** The group with exactly this name (case-insensitive), if any. */
    public Optional<OrgGroup> findGroupByName(String name) {
        Objects.requireNonNull(name, "name");
        return searchAllGroups(GroupSearch.byNames(name)).stream()
                .filter(group -> group.name() != null && group.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /**
     * {@code POST .../directories/{directoryId}/groups}. A name already taken answers 409. Atlassian documents no
     * answer body, so when there is none the new group is looked up by name.
     */
    public OrgGroup createGroup(String name, String description) {
        Objects.requireNonNull(name, "name");
        Map<String, String> body = description == null ? Map.of("name", name)
                : Map.of("name", name, "description", description);
        OrgGroup created = send(groupsPath(ApiRequest::post, "").body(body)
                .operation("organizations.createGroup"), OrgGroup.class);
        if (created != null && created.id() != null) {
            return created;
        }
        return findGroupByName(name).orElseThrow(() -> new AtlassianApiException(endpoint.family(),
                "organizations.createGroup", 200, "unreadableBody", null,
                "the group was created but cannot be found by its name", null, null, null, null));
    }

    /**
     * {@code POST .../groups/{groupId}/memberships}. Already a member answers 409 {@value #ALREADY_MEMBER}; a
     * deactivated account 400 {@value #INACTIVE_USER}; a group synced from an identity provider is refused; a
     * group whose product is at its user limit answers 409 {@value #LICENCE_LIMIT}.
     */
    public void addMembership(String groupId, String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        send(groupsPath(ApiRequest::post, "/{}/memberships", groupId)
                .body(Map.of("accountId", accountId)).operation("organizations.addMembership"));
    }

    /**
     * {@link #addMembership}, with "already a member" counted as success, for steps that may run twice. Returns
     * false when the API said the account already was a member; true when it answered 2xx (an API that answers 2xx
     * to a re-add makes this true as well, so read the membership first where the difference matters).
     */
    public boolean addMembershipIfAbsent(String groupId, String accountId) {
        try {
            addMembership(groupId, accountId);
            return true;
        } catch (AtlassianApiException e) {
            if (e.status() == 409 && ALREADY_MEMBER.equals(e.errorKey())) {
                return false;
            }
            throw e;
        }
    }

    /** {@code DELETE .../groups/{groupId}/memberships/{accountId}}. */
    public void removeMembership(String groupId, String accountId) {
        send(groupsPath(ApiRequest::delete, "/{}/memberships/{}", groupId, accountId)
                .operation("organizations.removeMembership"));
    }

    /**
     * {@code POST .../groups/{groupId}/role-assignments/assign}: gives every member the role on the resource, e.g.
     * {@code ari:cloud:jira::site/<cloudId>} and {@code atlassian/user} (a product seat). Over the product's user
     * limit: 409 {@value #LICENCE_LIMIT}. Role assignments can take up to 30 seconds to show.
     */
    public void assignRole(String groupId, String resourceId, String roleId) {
        send(groupsPath(ApiRequest::post, "/{}/role-assignments/assign", groupId)
                .body(new RoleAssignment(resourceId, roleId)).operation("organizations.assignRole"));
    }

    /** {@code POST .../groups/{groupId}/role-assignments/revoke}. */
    public void revokeRole(String groupId, String resourceId, String roleId) {
        send(groupsPath(ApiRequest::post, "/{}/role-assignments/revoke", groupId)
                .body(new RoleAssignment(resourceId, roleId)).operation("organizations.revokeRole"));
    }

    // ---- helpers

    static void checkLimit(Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    private ApiRequest usersPath(PathRequest method, String rest, Object... segments) {
        return directoryPath(method, "/users" + rest, segments);
    }

    private ApiRequest groupsPath(PathRequest method, String rest, Object... segments) {
        return directoryPath(method, "/groups" + rest, segments);
    }

    // ---- every call goes through these, so an unknown organization is read the same way everywhere

    private void send(ApiRequest request) {
        readingTheOrganization(() -> transport.send(endpoint, request));
    }

    private <T> T send(ApiRequest request, Class<T> type) {
        return readingTheOrganization(() -> transport.send(endpoint, request, type));
    }

    private <T> T send(ApiRequest request, JavaType type) {
        return readingTheOrganization(() -> transport.send(endpoint, request, type));
    }

    /** The call's answer; {@value #ORGANIZATION_NOT_FOUND} made the misconfiguration it is. */
    private static <T> T readingTheOrganization(Supplier<T> call) {
        try {
            return call.get();
        } catch (AtlassianApiException e) {
            if (e.isBusiness() && ORGANIZATION_NOT_FOUND.equals(e.errorKey())) {
                throw AtlassianApiException.misconfigured(e, ORG_ID_SETTING,
                        "Atlassian knows no organization of that id");
            }
            throw e;
        }
    }

    private ApiRequest directoryPath(PathRequest method, String rest, Object... segments) {
        Object[] all = new Object[segments.length + 2];
        all[0] = orgId;
        all[1] = directoryId;
        System.arraycopy(segments, 0, all, 2, segments.length);
        return method.create("/admin/v2/orgs/{}/directories/{}" + rest, all);
    }

    /** {@code ApiRequest::get}, {@code ApiRequest::post}, ... */
    @FunctionalInterface
    private interface PathRequest {
        ApiRequest create(String template, Object... segments);
    }

    /** The body of the role assignment calls. */
    record RoleAssignment(String resourceId, String roleId) {

        RoleAssignment {
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(roleId, "roleId");
        }
    }

    /** {@code {"data": {...the user...}}}: the single-user read's envelope. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserDetails(OrgUser data) {
    }

    /** {@code {"data": [{"id", "email", "results"}]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InviteAnswer(List<InvitedUser> data) {
    }
}
