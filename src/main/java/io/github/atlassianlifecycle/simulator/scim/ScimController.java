package io.github.atlassianlifecycle.simulator.scim;

import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.CallSubject;
import io.github.atlassianlifecycle.simulator.core.CredentialCheck;
import io.github.atlassianlifecycle.simulator.core.ErrorBodies;
import io.github.atlassianlifecycle.simulator.core.Group;
import io.github.atlassianlifecycle.simulator.core.ScimGroupInfo;
import io.github.atlassianlifecycle.simulator.core.SimulatorProperties;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * SCIM provisioning: {@code /scim/directory/{directoryId}/...} with the directory's SCIM key as Bearer. SCIM users
 * are the simulator's accounts with a {@code scimId}; SCIM groups are org groups with {@code managedByScim}.
 *
 * <p>As Atlassian: lists and filters show only <b>active</b> users, while {@code GET /Users/{id}} still answers a
 * deactivated one (with {@code active=false}), so an identity provider can read back what it deactivated. Creating a
 * user whose email belongs to an existing account links that account instead of making a second one. Deleting a
 * user unlinks and deactivates the account, and its SCIM id answers 404 from then on. Only a single {@code eq}
 * filter is understood, there is no sorting ({@code sortBy} is ignored), {@code count} above
 * {@value #MAX_COUNT} is cut to {@value #MAX_COUNT} (RFC 7644 §3.4.2.4; the simulator's choice, Atlassian states no
 * maximum) and {@code startIndex} below 1 reads as 1. A user is created only with an email on the verified domain;
 * {@code attributes} and {@code excludedAttributes} select what the {@code /Users} calls answer; a PATCH must name
 * the PatchOp schema. Discovery serves {@code /ServiceProviderConfig}, {@code /ResourceTypes[/{name}]} and
 * {@code /Schemas[/{id}]}.
 */
@RestController
@RequestMapping("/sim/api/scim/directory/{directoryId}")
public class ScimController {

    static final int MAX_COUNT = 100;
    private static final MediaType SCIM_JSON = MediaType.valueOf("application/scim+json");
    private static final Set<String> USER_FILTERS = new LinkedHashSet<>(List.of("userName", "externalId"));
    private static final Set<String> GROUP_FILTERS = Set.of("displayName");
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]",
            Pattern.CASE_INSENSITIVE);

    private final SimulatorState state;
    private final CredentialCheck auth;
    private final SimulatorProperties properties;
    private final Behaviour behaviour;
    private final ObjectMapper json;

    ScimController(SimulatorState state, CredentialCheck auth, SimulatorProperties properties, Behaviour behaviour,
            ObjectMapper json) {
        this.state = state;
        this.auth = auth;
        this.properties = properties;
        this.behaviour = behaviour;
        this.json = json;
    }

    // ---- Users

    @GetMapping("/Users")
    ResponseEntity<Object> listUsers(@PathVariable String directoryId, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String startIndex, @RequestParam(required = false) String count,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes);
            EqFilter wanted = filter == null || filter.isBlank() ? null : EqFilter.parse(filter, USER_FILTERS);
            Paging paging = Paging.of(startIndex, count);
            List<Account> matches = state.accounts().stream()
                    .filter(a -> a.scimId != null && a.isActive())
                    .filter(a -> wanted == null || matches(wanted, a))
                    .toList();
            List<Object> page = paging.slice(matches).stream()
                    .<Object>map(a -> selection.apply(ScimViews.user(a, state, base))).toList();
            return ok(ScimViews.list(page, matches.size(), paging.startIndex()));
        });
    }

    @PostMapping("/Users")
    ResponseEntity<Object> createUser(@PathVariable String directoryId, @RequestBody(required = false) String body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes);
            UserDraft user = UserDraft.fromBody(parse(body));
            if (user.active == null) {
                user.active = true;
            }
            requireVerifiedDomain(user.email);
            requireUniqueKeys(user, null);
            Optional<Account> existing = state.accountByEmail(user.email);
            Account account;
            if (existing.isPresent()) {
                account = existing.get();
                if (account.scimId != null) {
                    throw ScimError.uniqueness("A user with the email " + user.email + " is already provisioned");
                }
                if (account.isClosed() || account.forDeletion) {
                    throw ScimError.uniqueness("The account with the email " + user.email
                            + " is closed or scheduled for deletion");
                }
            } else {
                account = new Account(newAccountId());
                account.email = user.email;
                account.managed = properties.getDomain().equalsIgnoreCase(account.domain());
                account.addedToOrg = state.now();
                state.add(account);
            }
            CallSubject.touched(account);
            account.scimId = UUID.randomUUID().toString();
            account.externalDirectory = "scim";
            account.managementSource = "synced";
            account.scimProfile = null;
            user.writeTo(account, state.now());
            account.scimProfile.created = state.now();
            Map<String, Object> view = selection.apply(ScimViews.user(account, state, base));
            return ResponseEntity.created(URI.create(base + "/Users/" + account.scimId)).contentType(SCIM_JSON)
                    .body(view);
        });
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<Object> getUser(@PathVariable String directoryId, @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes);
            return ok(selection.apply(ScimViews.user(user(id), state, base)));
        });
    }

    @PutMapping("/Users/{id}")
    ResponseEntity<Object> replaceUser(@PathVariable String directoryId, @PathVariable String id,
            @RequestBody(required = false) String body, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes);
            Account account = user(id);
            UserDraft user = UserDraft.fromBody(parse(body));
            if (user.active == null) {
                user.active = account.isActive();
            }
            commit(user, account);
            return ok(selection.apply(ScimViews.user(account, state, base)));
        });
    }

    @PatchMapping("/Users/{id}")
    ResponseEntity<Object> patchUser(@PathVariable String directoryId, @PathVariable String id,
            @RequestBody(required = false) String body, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes);
            Account account = user(id);
            UserDraft user = UserDraft.of(account);
            user.patch(parse(body));
            commit(user, account);
            return behaviour.isScimPatchNoContent() ? ResponseEntity.noContent().build()
                    : ok(selection.apply(ScimViews.user(account, state, base)));
        });
    }

    @DeleteMapping("/Users/{id}")
    ResponseEntity<Object> deleteUser(@PathVariable String directoryId, @PathVariable String id,
            HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            Account account = user(id);
            account.scimId = null;
            account.scimProfile = null;
            account.externalId = null;
            account.externalDirectory = null;
            account.managementSource = null;
            account.orgGroupIds.removeIf(groupId -> isScimGroup(state.orgGroups().get(groupId)));
            if (account.isActive()) {
                account.accountStatus = "inactive";
                account.deactivatedOn = state.now();
            }
            return ResponseEntity.noContent().build();
        });
    }

    private boolean matches(EqFilter filter, Account account) {
        return "externalId".equals(filter.attribute()) ? filter.matches(account.externalId, true)
                : filter.matches(UserDraft.of(account).userName, false);
    }

    /** The SCIM user with this id, active or not; a deleted user's id is gone. */
    private Account user(String id) {
        Account account = state.accounts().stream().filter(a -> id.equals(a.scimId)).findFirst()
                .orElseThrow(() -> ScimError.notFound("User " + id + " not found"));
        CallSubject.touched(account);
        return account;
    }

    /** Checks a changed user against everyone else, then writes it. */
    private void commit(UserDraft user, Account account) {
        requireUniqueKeys(user, account);
        state.accountByEmail(user.email).filter(other -> other != account).ifPresent(other -> {
            throw ScimError.uniqueness("The email " + user.email + " belongs to another account");
        });
        if (Boolean.TRUE.equals(user.active) && !account.isActive() && account.forDeletion) {
            throw ScimError.badRequest("invalidValue",
                    "The account is scheduled for deletion; cancel the deletion before activating it");
        }
        user.writeTo(account, state.now());
    }

    /**
     * Atlassian creates a user only with an email on a domain the organization has verified; the status of the
     * refusal is not documented ({@link Behaviour#getScimUnverifiedDomainStatus()}).
     */
    private void requireVerifiedDomain(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1);
        if (!properties.getDomain().equalsIgnoreCase(domain)) {
            String detail = "The email domain " + domain + " is not a verified domain of the organization";
            throw behaviour.getScimUnverifiedDomainStatus() == 403
                    ? new ScimError(HttpStatus.FORBIDDEN, null, detail)
                    : ScimError.badRequest("invalidValue", detail);
        }
    }

    /** userName (case-insensitive) and externalId are unique among the directory's users. */
    private void requireUniqueKeys(UserDraft user, Account self) {
        for (Account other : state.accounts()) {
            if (other == self || other.scimId == null) {
                continue;
            }
            if (user.userName.equalsIgnoreCase(UserDraft.of(other).userName)) {
                throw ScimError.uniqueness("userName " + user.userName + " is already taken");
            }
            if (user.externalId != null && user.externalId.equals(other.externalId)) {
                throw ScimError.uniqueness("externalId " + user.externalId + " is already taken");
            }
        }
    }

    private static String newAccountId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ---- Groups

    @GetMapping("/Groups")
    ResponseEntity<Object> listGroups(@PathVariable String directoryId, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String startIndex, @RequestParam(required = false) String count,
            HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            EqFilter wanted = filter == null || filter.isBlank() ? null : EqFilter.parse(filter, GROUP_FILTERS);
            Paging paging = Paging.of(startIndex, count);
            List<Group> matches = state.orgGroups().values().stream()
                    .filter(this::isScimGroup)
                    .filter(g -> wanted == null || wanted.matches(g.name, false))
                    .toList();
            List<Object> page = paging.slice(matches).stream()
                    .<Object>map(g -> ScimViews.group(g, info(g), state, base)).toList();
            return ok(ScimViews.list(page, matches.size(), paging.startIndex()));
        });
    }

    @PostMapping("/Groups")
    ResponseEntity<Object> createGroup(@PathVariable String directoryId, @RequestBody(required = false) String body,
            HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            JsonNode group = parse(body);
            if (group == null || !group.isObject()) {
                throw ScimError.badRequest("invalidSyntax", "The request body must be a SCIM Group object");
            }
            JsonNode nameNode = group.get("displayName");
            if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
                throw ScimError.badRequest("invalidValue", "displayName is required");
            }
            String name = nameNode.asText();
            boolean taken = state.orgGroups().values().stream().anyMatch(g -> g.name.equalsIgnoreCase(name));
            if (taken) {
                throw ScimError.uniqueness("A group named " + name + " already exists");
            }
            Set<Account> members = group.has("members") ? members(group.get("members"), true) : Set.of();
            String externalId = group.hasNonNull("externalId") ? text("externalId", group.get("externalId")) : null;
            Group created = new Group(UUID.randomUUID().toString(), name, null);
            created.managedByScim = true;
            state.orgGroups().put(created.id, created);
            ScimGroupInfo info = new ScimGroupInfo(state.now());
            info.externalId = externalId;
            state.scimGroupInfo().put(created.id, info);
            members.forEach(account -> account.orgGroupIds.add(created.id));
            return ResponseEntity.created(URI.create(base + "/Groups/" + created.id)).contentType(SCIM_JSON)
                    .body(ScimViews.group(created, info, state, base));
        });
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<Object> getGroup(@PathVariable String directoryId, @PathVariable String id,
            HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            Group group = group(id);
            return ok(ScimViews.group(group, info(group), state, base));
        });
    }

    @PatchMapping("/Groups/{id}")
    ResponseEntity<Object> patchGroup(@PathVariable String directoryId, @PathVariable String id,
            @RequestBody(required = false) String body, HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            Group group = group(id);
            ScimGroupInfo info = info(group);
            Set<Account> before = new LinkedHashSet<>();
            state.accounts().stream().filter(a -> a.scimId != null && a.orgGroupIds.contains(group.id))
                    .forEach(before::add);
            Set<Account> after = new LinkedHashSet<>(before);
            String[] externalId = { info.externalId };
            for (PatchOperation operation : PatchOperation.read(parse(body))) {
                if (operation.path() == null) {
                    if ("remove".equals(operation.op()) || operation.value() == null || !operation.value().isObject()) {
                        throw ScimError.badRequest("invalidValue",
                                "Without a path, the operation must add or replace an object of attributes");
                    }
                    operation.value().fields().forEachRemaining(field -> applyToGroup(group, operation.op(),
                            field.getKey(), field.getValue(), after, externalId));
                } else {
                    applyToGroup(group, operation.op(), operation.path().trim(), operation.value(), after, externalId);
                }
            }
            before.stream().filter(a -> !after.contains(a)).forEach(a -> a.orgGroupIds.remove(group.id));
            after.stream().filter(a -> !before.contains(a)).forEach(a -> a.orgGroupIds.add(group.id));
            info.externalId = externalId[0];
            info.lastModified = state.now();
            return behaviour.isScimPatchNoContent() ? ResponseEntity.noContent().build()
                    : ok(ScimViews.group(group, info, state, base));
        });
    }

    /** One group operation on the draft membership; a rename is refused, as Atlassian does not support it. */
    private void applyToGroup(Group group, String op, String path, JsonNode value, Set<Account> members,
            String[] externalId) {
        Matcher oneMember = MEMBER_PATH.matcher(path);
        if (oneMember.matches()) {
            if (!"remove".equals(op)) {
                throw ScimError.badRequest("invalidPath", "A member filter path only works with remove");
            }
            members.removeIf(a -> oneMember.group(1).equals(a.scimId));
            return;
        }
        switch (path.toLowerCase(Locale.ROOT)) {
            case "members" -> {
                switch (op) {
                    case "add" -> members.addAll(members(value, true));
                    case "replace" -> {
                        Set<Account> replacement = value == null ? Set.of() : members(value, true);
                        members.clear();
                        members.addAll(replacement);
                    }
                    default -> {
                        if (value == null) {
                            members.clear();
                        } else {
                            members.removeAll(members(value, false));
                        }
                    }
                }
            }
            case "displayname" -> {
                if ("remove".equals(op) || value == null || !value.isTextual() || !value.asText().equals(group.name)) {
                    throw ScimError.badRequest("mutability", "Renaming a group is not supported; create a new "
                            + "group, move the members and delete the old one");
                }
            }
            case "externalid" -> externalId[0] = "remove".equals(op) || value == null ? null : text("externalId", value);
            case "id", "meta" -> throw ScimError.badRequest("mutability", "The attribute '" + path + "' is read-only");
            default -> throw ScimError.badRequest("invalidPath", "The attribute '" + path + "' is not supported");
        }
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Object> deleteGroup(@PathVariable String directoryId, @PathVariable String id,
            HttpServletRequest request) {
        return scim(request, directoryId, base -> {
            Group group = group(id);
            state.orgGroups().remove(group.id);
            state.scimGroupInfo().remove(group.id);
            for (Account account : state.accounts()) {
                account.orgGroupIds.remove(group.id);
                account.suspendedGroupIds.remove(group.id);
            }
            return ResponseEntity.noContent().build();
        });
    }

    private boolean isScimGroup(Group group) {
        return group != null && group.managedByScim;
    }

    /** The SCIM group with this id; org groups not made by SCIM are not SCIM's to show. */
    private Group group(String id) {
        Group group = state.orgGroups().get(id);
        if (!isScimGroup(group)) {
            throw ScimError.notFound("Group " + id + " not found");
        }
        return group;
    }

    private ScimGroupInfo info(Group group) {
        return state.scimGroupInfo().computeIfAbsent(group.id, id -> new ScimGroupInfo(state.now()));
    }

    /**
     * The accounts a {@code members} value names ({@code [{"value": scimId}, ...]}). Unknown ids are 400
     * {@code invalidValue} when adding ({@code strict}) and simply match nobody when removing.
     */
    private Set<Account> members(JsonNode value, boolean strict) {
        if (value == null || !value.isArray()) {
            throw ScimError.badRequest("invalidValue", "members must be an array of {\"value\": <SCIM user id>}");
        }
        Set<Account> accounts = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode member : value) {
            String id = member.path("value").asText(null);
            if (id == null) {
                throw ScimError.badRequest("invalidValue", "each member needs a value (a SCIM user id)");
            }
            Optional<Account> account = state.accounts().stream().filter(a -> id.equals(a.scimId)).findFirst();
            account.ifPresentOrElse(accounts::add, () -> unknown.add(id));
        }
        if (strict && !unknown.isEmpty()) {
            throw ScimError.badRequest("invalidValue", "No users with the ids " + unknown);
        }
        return accounts;
    }

    // ---- Discovery

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<Object> serviceProviderConfig(@PathVariable String directoryId, HttpServletRequest request) {
        return scim(request, directoryId, base -> ok(ScimViews.serviceProviderConfig(MAX_COUNT)));
    }

    @GetMapping("/Schemas")
    ResponseEntity<Object> schemas(@PathVariable String directoryId, HttpServletRequest request) {
        return scim(request, directoryId, base -> ok(ScimViews.schemas(base)));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<Object> schema(@PathVariable String directoryId, @PathVariable String id,
            HttpServletRequest request) {
        return scim(request, directoryId, base -> ok(found(ScimViews.schema(id, base), "Schema " + id)));
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<Object> resourceTypes(@PathVariable String directoryId, HttpServletRequest request) {
        return scim(request, directoryId, base -> ok(ScimViews.resourceTypes(base)));
    }

    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<Object> resourceType(@PathVariable String directoryId, @PathVariable String name,
            HttpServletRequest request) {
        return scim(request, directoryId, base -> ok(found(ScimViews.resourceType(name, base),
                "Resource type " + name)));
    }

    /** A discovery resource, or SCIM's 404 naming {@code what} when the directory has none of that name. */
    private static Map<String, Object> found(Map<String, Object> resource, String what) {
        if (resource == null) {
            throw ScimError.notFound(what + " not found");
        }
        return resource;
    }

    // ---- Shared

    /** Credential, then directory, then the work under the state's lock; SCIM errors become SCIM error bodies. */
    private ResponseEntity<Object> scim(HttpServletRequest request, String directoryId,
            Function<String, ResponseEntity<Object>> work) {
        if (!auth.scimKey(request)) {
            return ErrorBodies.scim(HttpStatus.UNAUTHORIZED, null,
                    "Authentication failed: this API takes the directory's SCIM API key as a Bearer token");
        }
        if (!properties.getDirectoryId().equals(directoryId)) {
            return ErrorBodies.scim(HttpStatus.NOT_FOUND, null, "Directory " + directoryId + " not found");
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/sim/api/scim/directory/{directoryId}").buildAndExpand(directoryId).toUriString();
        try {
            return state.locked(() -> work.apply(base));
        } catch (ScimError error) {
            return error.toResponse();
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimError.badRequest("invalidSyntax", "A request body is required");
        }
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw ScimError.badRequest("invalidSyntax", "The request body is not valid JSON");
        }
    }

    private static String text(String attribute, JsonNode value) {
        if (!value.isTextual()) {
            throw ScimError.badRequest("invalidValue", attribute + " must be a string");
        }
        return value.asText();
    }

    private static ResponseEntity<Object> ok(Object body) {
        return ResponseEntity.ok().contentType(SCIM_JSON).body(body);
    }

    /** SCIM index paging: 1-based {@code startIndex}, {@code count} 0..{@value #MAX_COUNT}. */
    record Paging(int startIndex, int count) {

        static Paging of(String startIndex, String count) {
            int start = Math.max(1, number("startIndex", startIndex, 1));
            int size = Math.min(MAX_COUNT, Math.max(0, number("count", count, MAX_COUNT)));
            return new Paging(start, size);
        }

        private static int number(String name, String text, int fallback) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw ScimError.badRequest("invalidValue", name + " must be an integer");
            }
        }

        <T> List<T> slice(List<T> all) {
            int from = Math.min(all.size(), startIndex - 1);
            int to = Math.min(all.size(), from + count);
            return all.subList(from, to);
        }
    }
}
