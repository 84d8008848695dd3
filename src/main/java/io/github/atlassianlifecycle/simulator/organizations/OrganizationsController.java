package io.github.atlassianlifecycle.simulator.organizations;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.CallSubject;
import io.github.atlassianlifecycle.simulator.core.CredentialCheck;
import io.github.atlassianlifecycle.simulator.core.Group;
import io.github.atlassianlifecycle.simulator.core.SimulatorProperties;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * The Organizations REST API under {@code /sim/api/admin}: v2 directories, users, invite, groups, memberships and
 * group role assignments, v1 last-active dates. Only the org key as Bearer gets in (401 {@code ADMIN-UAM-401-1});
 * then the org (404 {@code -404-2}), the directory, the user (404 {@code -404-1}) or group (404 {@code -404-3}).
 * A group synced from an identity provider answers 403 {@code ADMIN-UAM-403-1} to membership changes (its members
 * are managed in the identity provider), though it can still be given product roles, as in admin.atlassian.com.
 * Directory id {@code -} (all directories) is accepted for reads only.
 */
@RestController
@RequestMapping("/sim/api/admin")
public class OrganizationsController {

    private static final String ALL_DIRECTORIES = "-";
    private static final Set<String> STATUSES = Set.of("active", "suspended", "not_invited", "deactivated", "for_deletion");
    private static final Set<String> ACCOUNT_STATUSES = Set.of("active", "inactive", "closed");
    private static final Set<String> MEMBERSHIP_STATUSES = Set.of("active", "suspended", "no_membership");
    private static final Set<String> CLAIM_STATUSES = Set.of("managed", "unmanaged");
    private static final Set<String> EXPANDS = Set.of(OrgViews.EXPAND_GROUPS, OrgViews.EXPAND_PRODUCT_ACCESS,
            OrgViews.EXPAND_PLATFORM_ROLES, OrgViews.EXPAND_COUNTS_RESOURCES);
    /** The listing and the single-user read show platform roles unasked; the search only when expanded. */
    private static final Set<String> WITH_ROLES = Set.of(OrgViews.EXPAND_PLATFORM_ROLES);
    /** The reference's default page of the user search (MultiDirectoryUserSearchRequest.limit). */
    private static final int USER_SEARCH_DEFAULT_LIMIT = 50;
    private static final Set<String> PRODUCT_RESOURCES = Set.of(SimulatorSeeder.JIRA_RESOURCE,
            SimulatorSeeder.CONFLUENCE_RESOURCE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** For {@link #inDirectory}: a read, which may name all directories. */
    private static final boolean READ = true;
    /** For {@link #inDirectory}: a change, which must name the directory. */
    private static final boolean CHANGE = false;

    private final SimulatorState state;
    private final CredentialCheck auth;
    private final Behaviour behaviour;
    private final SimulatorProperties properties;
    private final OrgPager pager;
    private final SecureRandom random = new SecureRandom();

    OrganizationsController(SimulatorState state, CredentialCheck auth, Behaviour behaviour,
            SimulatorProperties properties) {
        this.state = state;
        this.auth = auth;
        this.behaviour = behaviour;
        this.properties = properties;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.pager = new OrgPager(new CursorTokens(key));
    }

    // ---- directories

    @GetMapping("/v2/orgs/{orgId}/directories")
    ResponseEntity<Object> directories(@PathVariable String orgId, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit, HttpServletRequest request) {
        return answer(request, orgId, () -> ResponseEntity.ok(pager.page("directories",
                List.of(properties.getDirectoryId()), cursor, OrgPager.limit(limit), OrgViews::directory)));
    }

    // ---- users

    /** Deprecated by Atlassian: works until 2027-06-30, successor {@code POST .../users/search}; still served. */
    @GetMapping("/v2/orgs/{orgId}/directories/{directoryId}/users")
    ResponseEntity<Object> listUsers(@PathVariable String orgId, @PathVariable String directoryId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, READ, () -> {
            UserCriteria criteria = new UserCriteria(split(params.get("accountIds")), List.of(),
                    params.getFirst("searchTerm"), allowed("status", split(params.get("status")), STATUSES),
                    allowed("accountStatus", split(params.get("accountStatus")), ACCOUNT_STATUSES),
                    allowed("membershipStatus", split(params.get("membershipStatus")), MEMBERSHIP_STATUSES),
                    allowed("claimStatus", split(params.get("claimStatus")), CLAIM_STATUSES),
                    split(params.get("emailDomains")));
            int limit = OrgPager.limit(params.getFirst("limit"));
            return ResponseEntity.ok(pager.page("users", users(criteria), params.getFirst("cursor"), limit,
                    account -> userView(account, WITH_ROLES)));
        });
    }

    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/users/search")
    ResponseEntity<Object> searchUsers(@PathVariable String orgId, @PathVariable String directoryId,
            @RequestBody(required = false) String rawBody, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, READ, () -> {
            JsonNode body = body(rawBody);
            String searchTerm = string(body, "searchTerm");
            List<String> emails = strings(body, "emails");
            if (searchTerm != null && !searchTerm.isBlank() && !emails.isEmpty()) {
                throw reject(OrgErrors.badRequest("searchTerm and emails cannot be used together"));
            }
            UserCriteria criteria = new UserCriteria(strings(body, "accountIds"), emails, searchTerm,
                    allowed("status", strings(body, "status"), STATUSES),
                    allowed("accountStatus", strings(body, "accountStatus"), ACCOUNT_STATUSES),
                    allowed("membershipStatus", strings(body, "membershipStatus"), MEMBERSHIP_STATUSES),
                    claimStatus(string(body, "claimStatus")), strings(body, "emailDomains"));
            Set<String> expand = new LinkedHashSet<>(allowed("expand", strings(body, "expand"), EXPANDS));
            int limit = OrgPager.limit(body.get("limit"), USER_SEARCH_DEFAULT_LIMIT);
            return ResponseEntity.ok(pager.page("users-search", users(criteria), string(body, "cursor"), limit,
                    account -> userView(account, expand)));
        });
    }

    @GetMapping("/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}")
    ResponseEntity<Object> user(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String accountId, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, READ,
                () -> ResponseEntity.ok(Map.of("data", userView(account(accountId), WITH_ROLES))));
    }

    /** Already suspended: nothing changes and the answer is the same (unverified; idempotent by choice). */
    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend")
    ResponseEntity<Object> suspend(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String accountId, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            Account account = member(accountId, "suspended");
            OrgRules.suspend(account);
            return actionDone("The user's access is suspended");
        });
    }

    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore")
    ResponseEntity<Object> restore(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String accountId, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            Account account = member(accountId, "restored; a removed user comes back only by invitation");
            OrgRules.restore(account);
            return actionDone("The user's access is restored");
        });
    }

    /** Atlassian queues the removal; the simulator applies it at once. Removing again changes nothing. */
    @DeleteMapping("/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}")
    ResponseEntity<Object> removeFromDirectory(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String accountId, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            OrgRules.remove(account(accountId));
            return actionDone("The user is removed from the directory");
        });
    }

    /**
     * Keyed by email: an existing account joins (or stays in) the directory, a new email gets a new account,
     * managed when on the claimed domain. {@code permissionRules} are checked but not kept: the simulator models
     * product access through groups only.
     */
    @PostMapping("/v2/orgs/{orgId}/users/invite")
    ResponseEntity<Object> invite(@PathVariable String orgId, @RequestBody(required = false) String rawBody,
            HttpServletRequest request) {
        return answer(request, orgId, () -> {
            if (!behaviour.isOrgPaidSubscription()) {
                throw reject(OrgErrors.paymentRequired());
            }
            JsonNode body = body(rawBody);
            Set<String> emails = new LinkedHashSet<>();
            for (String email : strings(body, "emails")) {
                if (!EMAIL.matcher(email.trim()).matches()) {
                    throw reject(OrgErrors.badRequest("Not an email address: " + email));
                }
                emails.add(email.trim().toLowerCase(Locale.ROOT));
            }
            if (emails.isEmpty()) {
                throw reject(OrgErrors.badRequest("emails must list at least one address"));
            }
            List<Group> groups = new ArrayList<>();
            for (String groupId : strings(body, "additionalGroups")) {
                groups.add(editableGroup(groupId));
            }
            checkPermissionRules(body.get("permissionRules"));
            List<Map<String, Object>> results = new ArrayList<>();
            for (String email : emails) {
                Account account = state.accounts().stream()
                        .filter(a -> !a.isClosed() && a.email != null && a.email.equalsIgnoreCase(email))
                        .findFirst().orElseGet(() -> newAccount(email));
                OrgRules.invite(account, state.now());
                groups.forEach(group -> OrgRules.join(account, group.id));
                results.add(Map.of("id", account.accountId, "email", account.email, "results", List.of()));
                if (emails.size() == 1) {
                    CallSubject.touched(account); // the call log counts one person's invite as theirs
                }
            }
            return ResponseEntity.ok(Map.of("data", results));
        });
    }

    /** v1, still current. Product access comes from the account's last activity per product. */
    @GetMapping("/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates")
    ResponseEntity<Object> lastActiveDates(@PathVariable String orgId, @PathVariable String accountId,
            @RequestParam(required = false) String cursor, HttpServletRequest request) {
        return answer(request, orgId, () -> {
            pager.offset("last-active", cursor);
            return ResponseEntity.ok(OrgViews.lastActiveDates(account(accountId)));
        });
    }

    // ---- groups

    /** Deprecated by Atlassian: works until 2027-06-30, successor {@code POST .../groups/search}; still served. */
    @GetMapping("/v2/orgs/{orgId}/directories/{directoryId}/groups")
    ResponseEntity<Object> groups(@PathVariable String orgId, @PathVariable String directoryId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String limit,
            HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, READ, () -> ResponseEntity.ok(pager.page("groups",
                List.copyOf(state.orgGroups().values()), cursor, OrgPager.limit(limit), this::groupView)));
    }

    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/groups/search")
    ResponseEntity<Object> searchGroups(@PathVariable String orgId, @PathVariable String directoryId,
            @RequestBody(required = false) String rawBody, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, READ, () -> {
            JsonNode body = body(rawBody);
            Set<String> names = new LinkedHashSet<>();
            strings(body, "groupNames").forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
            List<String> groupIds = strings(body, "groupIds");
            List<String> accountIds = strings(body, "accountIds");
            Set<String> ofAccounts = new LinkedHashSet<>();
            for (String accountId : accountIds) {
                state.account(accountId).filter(OrgRules::visible)
                        .ifPresent(account -> ofAccounts.addAll(OrgRules.memberships(account)));
            }
            List<Group> found = state.orgGroups().values().stream()
                    .filter(g -> names.isEmpty() || names.contains(g.name.toLowerCase(Locale.ROOT)))
                    .filter(g -> groupIds.isEmpty() || groupIds.contains(g.id))
                    .filter(g -> accountIds.isEmpty() || ofAccounts.contains(g.id))
                    .toList();
            int limit = OrgPager.limit(body.get("limit"));
            return ResponseEntity.ok(pager.page("groups-search", found, string(body, "cursor"), limit,
                    this::groupView));
        });
    }

    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/groups")
    ResponseEntity<Object> createGroup(@PathVariable String orgId, @PathVariable String directoryId,
            @RequestBody(required = false) String rawBody, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            JsonNode body = body(rawBody);
            String name = string(body, "name");
            if (name == null || name.isBlank() || name.length() > 255) {
                throw reject(OrgErrors.badRequest("name is required, at most 255 characters"));
            }
            boolean taken = state.orgGroups().values().stream().anyMatch(g -> g.name.equalsIgnoreCase(name));
            if (taken) {
                throw reject(OrgErrors.conflict("A group named " + name + " already exists"));
            }
            Group group = new Group(UUID.randomUUID().toString(), name, string(body, "description"));
            state.orgGroups().put(group.id, group);
            return behaviour.isOrgCreatedGroupInAnswer() ? ResponseEntity.status(HttpStatus.CREATED)
                    .body(groupView(group)) : actionDone("The group is created");
        });
    }

    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships")
    ResponseEntity<Object> addMembership(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String groupId, @RequestBody(required = false) String rawBody, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            Group group = editableGroup(groupId);
            String accountId = string(body(rawBody), "accountId");
            if (accountId == null || accountId.isBlank()) {
                throw reject(OrgErrors.badRequest("accountId is required"));
            }
            Account account = account(accountId);
            CallSubject.touched(account); // the account is in the body, not the path
            if (!account.isActive()) {
                throw reject(OrgErrors.inactiveUser("The user " + accountId + " is deactivated"));
            }
            if (OrgRules.isRemoved(account)) {
                throw reject(OrgErrors.badRequest("The user is not in this directory; invite them first"));
            }
            if (OrgRules.isMember(account, group.id)) {
                if (behaviour.isGroupMemberReaddConflict()) {
                    throw reject(OrgErrors.conflict("The user is already a member of the group"));
                }
                return actionDone("The user is a member of the group");
            }
            OrgRules.overLimitOnJoin(state, behaviour.getSeatLimits(), account, group).ifPresent(resource -> {
                throw reject(OrgErrors.licenceLimit("The user limit of " + resource + " is reached"));
            });
            OrgRules.join(account, group.id);
            return actionDone("The user is added to the group");
        });
    }

    /** Removing someone who is not a member answers as a removal does (deletes are idempotent here; undocumented). */
    @DeleteMapping("/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships/{accountId}")
    ResponseEntity<Object> removeMembership(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String groupId, @PathVariable String accountId, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            Group group = editableGroup(groupId);
            Account account = state.account(accountId).filter(a -> !a.isClosed())
                    .orElseThrow(() -> reject(OrgErrors.notFound("No user " + accountId)));
            OrgRules.leave(account, group.id);
            return actionDone("The user is not a member of the group");
        });
    }

    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments/assign")
    ResponseEntity<Object> assignRole(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String groupId, @RequestBody(required = false) String rawBody, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            Group group = group(groupId);
            JsonNode body = body(rawBody);
            String resourceId = resource(body);
            String roleId = role(body);
            if (OrgRules.overLimitOnAssign(state, behaviour.getSeatLimits(), group, resourceId)) {
                throw reject(OrgErrors.licenceLimit("Giving the group " + resourceId
                        + " would exceed the product's user limit"));
            }
            group.roleAssignments.put(resourceId, roleId);
            return actionDone("The role is assigned to the group");
        });
    }

    /** Revoking a role the group does not have changes nothing and answers as a revoke does (undocumented). */
    @PostMapping("/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments/revoke")
    ResponseEntity<Object> revokeRole(@PathVariable String orgId, @PathVariable String directoryId,
            @PathVariable String groupId, @RequestBody(required = false) String rawBody, HttpServletRequest request) {
        return inDirectory(request, orgId, directoryId, CHANGE, () -> {
            Group group = group(groupId);
            JsonNode body = body(rawBody);
            String resourceId = resource(body);
            String roleId = role(body);
            group.roleAssignments.remove(resourceId, roleId);
            return actionDone("The role is revoked from the group");
        });
    }

    // ---- the checks every endpoint shares, in Atlassian's order: credential, organization, then the rest

    /** {@link #answer}, then the directory: {@link #READ} accepts {@code -} (all directories), {@link #CHANGE} not. */
    private ResponseEntity<Object> inDirectory(HttpServletRequest request, String orgId, String directoryId,
            boolean readOnly, Supplier<ResponseEntity<Object>> work) {
        return answer(request, orgId, () -> {
            directory(directoryId, readOnly);
            return work.get();
        });
    }

    private ResponseEntity<Object> answer(HttpServletRequest request, String orgId,
            Supplier<ResponseEntity<Object>> work) {
        if (!auth.orgKey(request)) {
            return OrgErrors.unauthorized();
        }
        if (!properties.getOrgId().equals(orgId)) {
            return OrgErrors.orgNotFound();
        }
        if (!behaviour.isOrgApiKeyAllowed()) {
            return OrgErrors.notAllowedToManageTheOrg();
        }
        return state.locked(() -> {
            try {
                return work.get();
            } catch (OrgRejection rejection) {
                return rejection.response();
            }
        });
    }

    private void directory(String directoryId, boolean readOnly) {
        if (ALL_DIRECTORIES.equals(directoryId)) {
            if (readOnly) {
                return;
            }
            throw reject(OrgErrors.badRequest("Changes need a directory id; '-' (all directories) is for reads"));
        }
        if (!properties.getDirectoryId().equals(directoryId)) {
            throw reject(OrgErrors.notFound("No directory " + directoryId + " in this organization"));
        }
    }

    private Account account(String accountId) {
        return state.account(accountId).filter(OrgRules::visible)
                .orElseThrow(() -> reject(OrgErrors.notFound("No user " + accountId + " in this directory")));
    }

    /** A user who is in the directory (not removed), for suspend and restore. */
    private Account member(String accountId, String what) {
        Account account = account(accountId);
        if (OrgRules.isRemoved(account)) {
            throw reject(OrgErrors.badRequest("The user is not in this directory and cannot be " + what));
        }
        return account;
    }

    private Group group(String groupId) {
        Group group = state.orgGroups().get(groupId);
        if (group == null) {
            throw reject(OrgErrors.groupNotFound(groupId));
        }
        return group;
    }

    private Group editableGroup(String groupId) {
        Group group = group(groupId);
        if (group.managedByScim) {
            throw reject(OrgErrors.forbidden("The group " + group.name
                    + " is synced from an identity provider; change its members there"));
        }
        return group;
    }

    private List<Account> users(UserCriteria criteria) {
        return state.accounts().stream().filter(OrgRules::visible).filter(criteria::matches).toList();
    }

    private Map<String, Object> userView(Account account, Set<String> expand) {
        return OrgViews.user(account, state, properties.getOrgId(), properties.getDirectoryId(), expand);
    }

    private Map<String, Object> groupView(Group group) {
        return OrgViews.group(group, properties.getOrgId(), properties.getDirectoryId());
    }

    private ResponseEntity<Object> actionDone(String message) {
        return behaviour.getOrgActionStatus() == 200 ? ResponseEntity.ok(Map.of("message", message))
                : ResponseEntity.noContent().build();
    }

    private Account newAccount(String email) {
        String accountId;
        do {
            accountId = String.format("%024x", new java.math.BigInteger(96, random));
        } while (state.account(accountId).isPresent());
        Account account = new Account(accountId);
        String local = email.substring(0, email.indexOf('@'));
        account.email = email;
        account.name = local;
        account.nickname = local;
        account.managed = email.endsWith("@" + properties.getDomain().toLowerCase(Locale.ROOT));
        account.emailVerified = false;
        account.managementSource = "invited";
        account.addedToOrg = state.now();
        account.membershipStatus = "no_membership"; // the invite itself makes it a member
        return state.add(account);
    }

    private static void checkPermissionRules(JsonNode rules) {
        if (rules == null || rules.isNull()) {
            return;
        }
        if (!rules.isArray()) {
            throw reject(OrgErrors.badRequest("permissionRules must be an array of {resource, role}"));
        }
        for (JsonNode rule : rules) {
            String resource = rule.path("resource").asText("");
            if (!PRODUCT_RESOURCES.contains(resource)) {
                throw reject(OrgErrors.productNotLicensed("The organization has no product " + resource));
            }
            if (!ROLE.matcher(rule.path("role").asText("")).matches()) {
                throw reject(OrgErrors.badRequest("permissionRules[].role is not a role id"));
            }
        }
    }

    private static String resource(JsonNode body) {
        String resourceId = string(body, "resourceId");
        if (resourceId == null || resourceId.isBlank()) {
            throw reject(OrgErrors.badRequest("resourceId is required"));
        }
        if (!PRODUCT_RESOURCES.contains(resourceId)) {
            throw reject(OrgErrors.productNotLicensed("The organization has no product " + resourceId));
        }
        return resourceId;
    }

    private static String role(JsonNode body) {
        String roleId = string(body, "roleId");
        if (roleId == null || !ROLE.matcher(roleId).matches()) {
            throw reject(OrgErrors.badRequest("roleId is required, e.g. atlassian/user"));
        }
        return roleId;
    }

    // ---- reading request bodies and parameters; a bad shape is the API's 400, not the framework's

    private static JsonNode body(String raw) {
        if (raw == null || raw.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode body = JSON.readTree(raw);
            if (body == null || !body.isObject()) {
                throw reject(OrgErrors.badRequest("The body must be a JSON object"));
            }
            return body;
        } catch (JsonProcessingException e) {
            throw reject(OrgErrors.badRequest("The body is not valid JSON"));
        }
    }

    private static String string(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw reject(OrgErrors.badRequest(field + " must be a string"));
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw reject(OrgErrors.badRequest(field + " must be an array of strings"));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw reject(OrgErrors.badRequest(field + " must be an array of strings"));
            }
            values.add(item.asText());
        }
        return values;
    }

    /** Query values, repeated ({@code a=1&a=2}) or comma-separated ({@code a=1,2}). */
    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    all.add(part.trim());
                }
            }
        }
        return all;
    }

    /** The search's claimStatus is one value (managed or unmanaged), not a list as in the listing's query. */
    private static List<String> claimStatus(String value) {
        if (value == null) {
            return List.of();
        }
        return allowed("claimStatus", List.of(value), CLAIM_STATUSES);
    }

    private static List<String> allowed(String field, List<String> values, Set<String> allowed) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw reject(OrgErrors.badRequest(field + " must be one of " + new java.util.TreeSet<>(allowed)));
            }
        }
        return values;
    }

    private static OrgRejection reject(ResponseEntity<Object> response) {
        return new OrgRejection(response);
    }

    /** The user filters the listing and the search share; an empty list means "any". */
    private record UserCriteria(List<String> accountIds, List<String> emails, String searchTerm, List<String> status,
            List<String> accountStatus, List<String> membershipStatus, List<String> claimStatus,
            List<String> emailDomains) {

        boolean matches(Account account) {
            return (accountIds.isEmpty() || accountIds.contains(account.accountId))
                    && (emails.isEmpty() || emails.stream().anyMatch(e -> e.equalsIgnoreCase(account.email)))
                    && (searchTerm == null || searchTerm.isBlank() || mentions(account, searchTerm))
                    && (status.isEmpty() || status.contains(account.orgStatus()))
                    && (accountStatus.isEmpty() || accountStatus.contains(account.accountStatus))
                    && (membershipStatus.isEmpty() || membershipStatus.contains(account.membershipStatus))
                    && (claimStatus.isEmpty() || claimStatus.contains(account.managed ? "managed" : "unmanaged"))
                    && (emailDomains.isEmpty() || emailDomains.stream().anyMatch(d -> d.equalsIgnoreCase(account.domain())));
        }

        private static boolean mentions(Account account, String term) {
            String wanted = term.toLowerCase(Locale.ROOT);
            return contains(account.name, wanted) || contains(account.nickname, wanted)
                    || contains(account.email, wanted);
        }

        private static boolean contains(String text, String wanted) {
            return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
        }
    }
}
