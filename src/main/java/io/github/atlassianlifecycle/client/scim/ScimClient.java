package io.github.atlassianlifecycle.client.scim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JavaType;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.ApiResponse;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;

/**
 * The SCIM provisioning API of one identity-provider directory ({@code /scim/directory/{directoryId}/...}, the
 * directory's SCIM key as Bearer, {@code application/scim+json}). Every method throws {@link AtlassianApiException}
 * on anything but 2xx; its {@code errorKey()} is the SCIM {@code scimType} ({@code uniqueness},
 * {@code invalidFilter}, {@code mutability}, ...).
 *
 * <p>Two facts shape how to use it: Atlassian lists and filters only <b>active</b> users (a deactivated user is
 * found by id only, or through the organizations API), and deleting a SCIM user deactivates the Atlassian account
 * and kills the SCIM id.
 */
public class ScimClient {

    static final String SCIM_JSON = "application/scim+json";
    /**
     * The page size the client asks for when it follows every page. Atlassian's reference states no maximum
     * {@code count}; SCIM lets a directory hand out fewer than asked (RFC 7644 §3.4.2.4), which {@link #all}
     * copes with, as it moves on by what a page held.
     */
    static final int PAGE_SIZE = 100;
    /** Upper bound on pages followed, so a directory that never stops paging cannot loop us forever. */
    static final int MAX_PAGES = 1_000;

    private final AtlassianHttpTransport transport;
    private final ApiEndpoint endpoint;
    private final String directoryId;
    private final JavaType userPage;
    private final JavaType groupPage;
    private final JavaType schemaPage;
    private final JavaType resourceTypePage;

    public ScimClient(AtlassianHttpTransport transport, ApiEndpoint endpoint, String directoryId) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (directoryId == null || directoryId.isBlank()) {
            throw new IllegalArgumentException("the SCIM directory id is required");
        }
        this.directoryId = directoryId;
        var types = transport.json().getTypeFactory();
        this.userPage = types.constructParametricType(ListResponse.class, ScimUser.class);
        this.groupPage = types.constructParametricType(ListResponse.class, ScimGroup.class);
        this.schemaPage = types.constructParametricType(ListResponse.class, ScimSchema.class);
        this.resourceTypePage = types.constructParametricType(ListResponse.class, ScimResourceType.class);
    }

    // ---- Users

    /**
     * {@code POST /Users} (201). Atlassian links an existing account with the same email instead of making a
     * second one; a {@code userName} or email already provisioned answers 409 {@code uniqueness}.
     */
    public ScimUser createUser(ScimUser user) {
        return transport.send(endpoint, scim(ApiRequest.post("/scim/directory/{}/Users", directoryId))
                .body(user.forWrite()).operation("scim.createUser"), ScimUser.class);
    }

    /** {@code GET /Users/{id}}: also finds a deactivated user (with {@code active=false}). */
    public ScimUser getUser(String scimId) {
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/Users/{}", directoryId, scimId))
                .operation("scim.getUser"), ScimUser.class);
    }

    /**
     * {@code GET /Users/{id}?attributes=...}: the user with only the named attributes (for example {@code userName}
     * or {@code emails.value}), plus {@code id} and {@code schemas}, which SCIM always returns (RFC 7644 §3.9). An
     * attribute left out reads as absent: {@code active} then reads as active, SCIM's default.
     */
    public ScimUser getUser(String scimId, Collection<String> attributes) {
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("name at least one attribute, or call getUser(scimId)");
        }
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/Users/{}", directoryId, scimId))
                .query("attributes", String.join(",", attributes)).operation("scim.getUser"), ScimUser.class);
    }

    /** {@code GET /Users?filter=userName eq "..."}: the active user with this user name. */
    public Optional<ScimUser> findUserByUserName(String userName) {
        return first(usersPage(ScimFilter.eq("userName", userName), 1, 1));
    }

    /** {@code GET /Users?filter=externalId eq "..."}: the active user with this identity-provider id. */
    public Optional<ScimUser> findUserByExternalId(String externalId) {
        return first(usersPage(ScimFilter.eq("externalId", externalId), 1, 1));
    }

    /** {@code GET /Users?startIndex=&count=}: one page of active users ({@code startIndex} is 1-based). */
    public ListResponse<ScimUser> listUsers(int startIndex, int count) {
        return usersPage(null, startIndex, count);
    }

    /** Every active user, following pages of {@value #PAGE_SIZE}. */
    public List<ScimUser> listAllUsers() {
        return all(this::listUsers);
    }

    /** {@code PUT /Users/{id}}: replaces the user; attributes left out of {@code user} are cleared. */
    public ScimUser replaceUser(String scimId, ScimUser user) {
        return transport.send(endpoint, scim(ApiRequest.put("/scim/directory/{}/Users/{}", directoryId, scimId))
                .body(user.forWrite()).operation("scim.replaceUser"), ScimUser.class);
    }

    /** {@code PATCH /Users/{id}} with any operations; answers the user as it is afterwards. */
    public ScimUser patchUser(String scimId, ScimPatch patch) {
        ApiResponse response = transport.send(endpoint,
                scim(ApiRequest.patch("/scim/directory/{}/Users/{}", directoryId, scimId)).body(patch)
                        .operation("scim.patchUser"));
        // SCIM lets a server answer 204 instead of the resource; then read it.
        return response.hasBody() ? read(response, ScimUser.class, "scim.patchUser") : getUser(scimId);
    }

    /** {@code PATCH /Users/{id}} replace {@code active}: deactivates ({@code false}) or reactivates the account. */
    public ScimUser setActive(String scimId, boolean active) {
        return patchUser(scimId, ScimPatch.of(ScimPatch.Operation.replace("active", active)));
    }

    /**
     * {@code PATCH /Users/{id}} replacing simple attributes, one operation per entry (for example
     * {@code title -> "Engineer"}, {@code name.familyName -> "Doe"}); a null value removes the attribute.
     */
    public ScimUser replaceAttributes(String scimId, Map<String, ?> attributes) {
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("no attributes to replace");
        }
        List<ScimPatch.Operation> operations = new ArrayList<>();
        attributes.forEach((path, value) -> operations.add(value == null ? ScimPatch.Operation.remove(path)
                : ScimPatch.Operation.replace(path, value)));
        return patchUser(scimId, ScimPatch.of(operations));
    }

    /** {@code DELETE /Users/{id}} (204): unlinks and deactivates the Atlassian account; the id is dead afterwards. */
    public void deleteUser(String scimId) {
        transport.send(endpoint, scim(ApiRequest.delete("/scim/directory/{}/Users/{}", directoryId, scimId))
                .operation("scim.deleteUser"));
    }

    /**
     * Idempotent delete: true when this call deleted the user, false when the id was already dead (SCIM's documented
     * 404, see {@link AtlassianApiException#isNotFound()}), as it is after a delete whose answer was lost. A 410, or
     * a 404 without the SCIM error schema, is the endpoint gone, not the user: it throws.
     */
    public boolean deleteUserIfPresent(String scimId) {
        try {
            deleteUser(scimId);
            return true;
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Idempotent deactivation: reads the user and deactivates only if active. Returns true when this call changed
     * something, false when the user was already inactive. An unknown (or deleted) id still answers 404: that is
     * not "already done", it may be the wrong id.
     */
    public boolean deactivate(String scimId) {
        if (getUser(scimId).isDeactivated()) {
            return false;
        }
        setActive(scimId, false);
        return true;
    }

    /** Idempotent reactivation, the mirror of {@link #deactivate}. */
    public boolean activate(String scimId) {
        if (!getUser(scimId).isDeactivated()) {
            return false;
        }
        setActive(scimId, true);
        return true;
    }

    /**
     * Idempotent create, keyed by {@code externalId} (when given) and {@code userName}: finds the user first and
     * creates only when neither key is known; a 409 {@code uniqueness} on create (someone else was quicker) is
     * answered by finding again. A user that exists but is deactivated is invisible to the filters, so its create
     * still ends in 409: that case needs a person or the organizations API, not a retry.
     */
    public FoundOrCreated<ScimUser> findOrCreateUser(ScimUser user) {
        Optional<ScimUser> existing = findUserByKeys(user);
        if (existing.isPresent()) {
            return new FoundOrCreated<>(existing.get(), false);
        }
        try {
            return new FoundOrCreated<>(createUser(user), true);
        } catch (AtlassianApiException e) {
            if (e.status() == 409) {
                Optional<ScimUser> raced = findUserByKeys(user);
                if (raced.isPresent()) {
                    return new FoundOrCreated<>(raced.get(), false);
                }
            }
            throw e;
        }
    }

    private Optional<ScimUser> findUserByKeys(ScimUser user) {
        Optional<ScimUser> found = user.externalId() == null ? Optional.empty() : findUserByExternalId(user.externalId());
        return found.isPresent() ? found : findUserByUserName(user.userName());
    }

    private ListResponse<ScimUser> usersPage(String filter, int startIndex, int count) {
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/Users", directoryId))
                .query("filter", filter).query("startIndex", startIndex).query("count", count)
                .operation("scim.listUsers"), userPage);
    }

    // ---- Groups

    /** {@code POST /Groups} (201): a new group the identity provider owns; a taken name answers 409. */
    public ScimGroup createGroup(String displayName) {
        return createGroup(displayName, List.of());
    }

    /** {@code POST /Groups} (201) with its first members (SCIM user ids). */
    public ScimGroup createGroup(String displayName, Collection<String> memberScimIds) {
        List<ScimGroup.Member> members = memberScimIds.stream().map(ScimGroup.Member::of).toList();
        ScimGroup group = new ScimGroup(List.of(ScimGroup.SCHEMA), null, null, displayName,
                members.isEmpty() ? null : members, null);
        return transport.send(endpoint, scim(ApiRequest.post("/scim/directory/{}/Groups", directoryId))
                .body(group).operation("scim.createGroup"), ScimGroup.class);
    }

    /** {@code GET /Groups/{id}}. */
    public ScimGroup getGroup(String groupId) {
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/Groups/{}", directoryId, groupId))
                .operation("scim.getGroup"), ScimGroup.class);
    }

    /** {@code GET /Groups?filter=displayName eq "..."}. */
    public Optional<ScimGroup> findGroupByDisplayName(String displayName) {
        return first(groupsPage(ScimFilter.eq("displayName", displayName), 1, 1));
    }

    /** {@code GET /Groups?startIndex=&count=}: one page of the directory's groups. */
    public ListResponse<ScimGroup> listGroups(int startIndex, int count) {
        return groupsPage(null, startIndex, count);
    }

    /** Every group of the directory, following pages. */
    public List<ScimGroup> listAllGroups() {
        return all(this::listGroups);
    }

    /** {@code PATCH /Groups/{id}} add {@code members}: adding a member twice changes nothing. */
    public void addGroupMembers(String groupId, Collection<String> scimUserIds) {
        patchMembers(groupId, "add", scimUserIds);
    }

    /** {@code PATCH /Groups/{id}} remove {@code members} by value: removing a non-member changes nothing. */
    public void removeGroupMembers(String groupId, Collection<String> scimUserIds) {
        patchMembers(groupId, "remove", scimUserIds);
    }

    private void patchMembers(String groupId, String op, Collection<String> scimUserIds) {
        if (scimUserIds.isEmpty()) {
            return;
        }
        List<Map<String, String>> members = scimUserIds.stream().map(id -> Map.of("value", id)).toList();
        transport.send(endpoint, scim(ApiRequest.patch("/scim/directory/{}/Groups/{}", directoryId, groupId))
                .body(ScimPatch.of(new ScimPatch.Operation(op, "members", members)))
                .operation("scim.patchGroup"));
    }

    /** {@code DELETE /Groups/{id}} (204): the org group and its memberships go. */
    public void deleteGroup(String groupId) {
        transport.send(endpoint, scim(ApiRequest.delete("/scim/directory/{}/Groups/{}", directoryId, groupId))
                .operation("scim.deleteGroup"));
    }

    /** Idempotent group create keyed by {@code displayName}, like {@link #findOrCreateUser}. */
    public FoundOrCreated<ScimGroup> findOrCreateGroup(String displayName) {
        Optional<ScimGroup> existing = findGroupByDisplayName(displayName);
        if (existing.isPresent()) {
            return new FoundOrCreated<>(existing.get(), false);
        }
        try {
            return new FoundOrCreated<>(createGroup(displayName), true);
        } catch (AtlassianApiException e) {
            if (e.status() == 409) {
                Optional<ScimGroup> raced = findGroupByDisplayName(displayName);
                if (raced.isPresent()) {
                    return new FoundOrCreated<>(raced.get(), false);
                }
            }
            throw e;
        }
    }

    private ListResponse<ScimGroup> groupsPage(String filter, int startIndex, int count) {
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/Groups", directoryId))
                .query("filter", filter).query("startIndex", startIndex).query("count", count)
                .operation("scim.listGroups"), groupPage);
    }

    // ---- Discovery

    /** {@code GET /ServiceProviderConfig}: what the directory supports. */
    public ScimServiceProviderConfig serviceProviderConfig() {
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/ServiceProviderConfig", directoryId))
                .operation("scim.serviceProviderConfig"), ScimServiceProviderConfig.class);
    }

    /** {@code GET /Schemas}: the schemas of the directory's resources (core user and group, their extensions). */
    public List<ScimSchema> schemas() {
        ListResponse<ScimSchema> page = transport.send(endpoint,
                scim(ApiRequest.get("/scim/directory/{}/Schemas", directoryId)).operation("scim.schemas"), schemaPage);
        return page == null ? List.of() : page.resources();
    }

    /**
     * {@code GET /Schemas/{id}}: one schema by its URN; Atlassian documents {@value ScimUser#SCHEMA},
     * {@value ScimGroup#SCHEMA} and {@value ScimUser#ENTERPRISE_EXTENSION}.
     */
    public ScimSchema schema(String schemaId) {
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/Schemas/{}", directoryId, schemaId))
                .operation("scim.schema"), ScimSchema.class);
    }

    /** {@code GET /ResourceTypes}: the kinds of resource the directory serves (users and groups). */
    public List<ScimResourceType> resourceTypes() {
        ListResponse<ScimResourceType> page = transport.send(endpoint,
                scim(ApiRequest.get("/scim/directory/{}/ResourceTypes", directoryId)).operation("scim.resourceTypes"),
                resourceTypePage);
        return page == null ? List.of() : page.resources();
    }

    /** {@code GET /ResourceTypes/{name}}: one kind of resource, {@code User} or {@code Group}. */
    public ScimResourceType resourceType(String name) {
        return transport.send(endpoint, scim(ApiRequest.get("/scim/directory/{}/ResourceTypes/{}", directoryId, name))
                .operation("scim.resourceType"), ScimResourceType.class);
    }

    // ---- Shared

    private static ApiRequest scim(ApiRequest request) {
        return request.contentType(SCIM_JSON).accept(SCIM_JSON);
    }

    private <T> T read(ApiResponse response, Class<T> type, String operation) {
        try {
            return transport.json().readValue(response.body(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AtlassianApiException(endpoint.family(), operation, response.status(), "unreadableBody", null,
                    "the answer could not be read as " + type.getSimpleName() + " (" + e.getOriginalMessage() + ")",
                    null, null, null, null);
        }
    }

    private static <T> Optional<T> first(ListResponse<T> page) {
        return page == null ? Optional.empty() : page.resources().stream().findFirst();
    }

    /** Follows {@code startIndex} until a page is empty or the total is reached, at most {@value #MAX_PAGES} pages. */
    static <T> List<T> all(BiFunction<Integer, Integer, ListResponse<T>> pageAt) {
        List<T> all = new ArrayList<>();
        int startIndex = 1;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            ListResponse<T> page = pageAt.apply(startIndex, PAGE_SIZE);
            if (page == null) {
                return all;
            }
            all.addAll(page.resources());
            // Move on from where we asked, not from the page's own startIndex: a server echoing a wrong one
            // would otherwise make us read the same page again.
            startIndex += page.resources().size();
            if (page.resources().isEmpty() || startIndex > page.totalResults()) {
                return all;
            }
        }
        throw new IllegalStateException("SCIM paging did not end after " + MAX_PAGES + " pages");
    }
}
