package io.github.atlassianlifecycle.simulator.jira;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.CredentialCheck;
import io.github.atlassianlifecycle.simulator.core.ErrorBodies;
import io.github.atlassianlifecycle.simulator.core.Group;
import io.github.atlassianlifecycle.simulator.core.SimulatorProperties;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * Jira Cloud platform REST v3 on the simulated site ({@code /sim/site/rest/api/3}, the site admin's email and API
 * token as Basic; an org key answers 401).
 *
 * <p>Jira's user base is {@link Account#inJira}: {@code GET/DELETE /user} and {@code /user/groups} answer 404 for
 * an account outside it, and {@code DELETE /user} takes the account out of it (and out of its Jira groups) while the
 * Atlassian account stays as it is. An account outside Jira's user base comes back through a product-access group
 * ({@link #ACCESS_GROUPS}); other groups answer 404 for it. {@code POST /user} creates an account for an unknown
 * email (managed when the email is on the claimed domain), answers 201 with the existing user when the email already
 * has Jira access, and 400 when the account exists without it. Seats are limited by
 * {@link Behaviour#getJiraLicenceLimit()}; answers to a repeated add or a remove of a non-member are switchable, and
 * so is whether the site credential's user holds the permissions the calls document a 403 for. Pages of group
 * members hold at most {@value #MAX_GROUP_MEMBERS} (the reference gives 50 as the default only; a page may hold fewer
 * than asked).
 */
@RestController
@RequestMapping("/sim/site/rest/api/3")
public class JiraController {

    static final String BASE_PATH = "/sim/site/rest/api/3";
    /** Product key to the group a new user of that product joins. */
    static final Map<String, String> PRODUCT_GROUPS = Map.of("jira-software", "jira-software-users",
            "jira-servicedesk", "service-desk-agents");
    static final Set<String> PRODUCTS = Set.of("jira-software", "jira-servicedesk", "jira-core",
            "jira-product-discovery");
    /** Groups that grant access to Jira: joining one brings an account into Jira's user base. */
    static final Set<String> ACCESS_GROUPS = Set.of("jira-software-users", "jira-administrators",
            "service-desk-agents");
    static final int MAX_GROUP_MEMBERS = 50;
    static final int MAX_SEARCH_RESULTS = 1000;
    static final int MAX_GROUPS = 50;
    private static final String NO_SUCH_USER = "Specified user does not exist or you do not have required permissions";

    private final SimulatorState state;
    private final CredentialCheck auth;
    private final Behaviour behaviour;
    private final SimulatorProperties properties;

    JiraController(SimulatorState state, CredentialCheck auth, Behaviour behaviour, SimulatorProperties properties) {
        this.state = state;
        this.auth = auth;
        this.behaviour = behaviour;
        this.properties = properties;
    }

    @PostMapping("/user")
    ResponseEntity<Object> createUser(@RequestBody(required = false) Map<String, Object> body,
            HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("You do not have the permission to create users.");
        if (body == null) {
            throw reject(HttpStatus.BAD_REQUEST, "The request body is missing.");
        }
        String email = body.get("emailAddress") instanceof String text ? text.trim() : null;
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw rejectField("emailAddress", "You must specify a valid email address.");
        }
        List<String> products = products(body.get("products"));
        return state.locked(() -> {
            Optional<Account> existing = state.accounts().stream()
                    .filter(a -> !a.isClosed() && a.email != null && a.email.equalsIgnoreCase(email))
                    .findFirst();
            if (existing.isPresent()) {
                if (existing.get().inJira) {
                    return ResponseEntity.status(HttpStatus.CREATED).body(user(existing.get(), false));
                }
                throw reject(HttpStatus.BAD_REQUEST,
                        "The user already exists but does not have access to Jira. Grant access in Atlassian Administration.");
            }
            if (!products.isEmpty()) {
                requireSeat();
            }
            Account account = state.add(new Account(newAccountId()));
            account.email = email;
            account.name = displayName(email);
            account.nickname = account.name.split(" ")[0];
            account.managed = account.domain().equalsIgnoreCase(properties.getDomain());
            account.addedToOrg = state.now();
            if (!products.isEmpty()) {
                account.inJira = true;
                for (String product : products) {
                    String groupName = PRODUCT_GROUPS.get(product);
                    group(groupName).ifPresent(group -> account.jiraGroupIds.add(group.id));
                }
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(user(account, false));
        });
    }

    @GetMapping("/user")
    ResponseEntity<Object> getUser(@RequestParam(required = false) String accountId,
            @RequestParam(required = false) String expand, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("Browse users and groups permission is required to view users.");
        boolean groups = expand != null && List.of(expand.split(",")).contains("groups");
        return state.locked(() -> ResponseEntity.ok(user(jiraUser(accountId), groups)));
    }

    @DeleteMapping("/user")
    ResponseEntity<Object> deleteUser(@RequestParam(required = false) String accountId, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("You must be a site administrator to remove users.");
        return state.locked(() -> {
            Account account = jiraUser(accountId);
            account.inJira = false;
            account.jiraGroupIds.clear();
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping("/user/groups")
    ResponseEntity<Object> userGroups(@RequestParam(required = false) String accountId, HttpServletRequest request) {
        requireSiteToken(request);
        return state.locked(() -> ResponseEntity.ok(groupsOf(jiraUser(accountId))));
    }

    /**
     * {@code GET /user/search} with {@code query}, {@code accountId} or {@code property} (400 without any, and for
     * {@code query} with {@code accountId}, as documented). The simulator keeps no user properties, so a search by
     * {@code property} alone finds nobody.
     */
    @GetMapping("/user/search")
    ResponseEntity<Object> searchUsers(@RequestParam(required = false) String query,
            @RequestParam(required = false) String accountId, @RequestParam(required = false) String property,
            @RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "50") int maxResults,
            HttpServletRequest request) {
        requireSiteToken(request);
        if (query == null && accountId == null && property == null) {
            throw reject(HttpStatus.BAD_REQUEST, "One of 'query', 'accountId' or 'property' query parameters must be provided.");
        }
        if (query != null && accountId != null) {
            throw reject(HttpStatus.BAD_REQUEST, "The 'query' and 'accountId' query parameters cannot be used together.");
        }
        requireOffsets(startAt, maxResults);
        String wanted = query == null ? null : query.toLowerCase(Locale.ROOT);
        return state.locked(() -> ResponseEntity.ok(state.accounts().stream()
                .filter(a -> a.inJira && !a.isClosed() && jiraActive(a))
                .filter(a -> property == null || query != null || accountId != null)
                .filter(a -> accountId == null || accountId.equals(a.accountId))
                .filter(a -> wanted == null || contains(a.email, wanted) || contains(a.name, wanted))
                .skip(startAt)
                .limit(Math.min(maxResults, MAX_SEARCH_RESULTS))
                .map(a -> user(a, false))
                .toList()));
    }

    @PostMapping("/group/user")
    ResponseEntity<Object> addUserToGroup(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String groupname, @RequestBody(required = false) Map<String, Object> body,
            HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("You must be a site administrator to add users to groups.");
        String accountId = body == null ? null : body.get("accountId") instanceof String id ? id : null;
        if (accountId == null || accountId.isBlank()) {
            throw rejectField("accountId", "You must specify the account id of the user.");
        }
        return state.locked(() -> {
            Group group = resolveGroup(groupId, groupname);
            Account account = state.account(accountId).filter(a -> !a.isClosed())
                    .orElseThrow(() -> reject(HttpStatus.NOT_FOUND, NO_SUCH_USER));
            if (!account.inJira) {
                if (!ACCESS_GROUPS.contains(group.name)) {
                    throw reject(HttpStatus.NOT_FOUND, NO_SUCH_USER);
                }
                requireSeat();
                account.inJira = true;
            } else if (account.jiraGroupIds.contains(group.id)) {
                if (behaviour.isJiraGroupReaddRejected()) {
                    throw reject(HttpStatus.BAD_REQUEST,
                            "Cannot add user. User is already a member of '" + group.name + "'");
                }
                return ResponseEntity.status(HttpStatus.CREATED).body(groupView(group));
            }
            account.jiraGroupIds.add(group.id);
            return ResponseEntity.status(HttpStatus.CREATED).body(groupView(group));
        });
    }

    @DeleteMapping("/group/user")
    ResponseEntity<Object> removeUserFromGroup(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String groupname, @RequestParam(required = false) String accountId,
            HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("You must be a site administrator to remove users from groups.");
        if (accountId == null || accountId.isBlank()) {
            throw reject(HttpStatus.BAD_REQUEST, "The 'accountId' query parameter needs to be provided.");
        }
        return state.locked(() -> {
            Group group = resolveGroup(groupId, groupname);
            Account account = jiraUser(accountId);
            if (!account.jiraGroupIds.remove(group.id) && behaviour.isJiraGroupRemoveNonMemberRejected()) {
                throw reject(HttpStatus.BAD_REQUEST,
                        "Cannot remove user. User is not a member of '" + group.name + "'");
            }
            return ResponseEntity.ok().build();
        });
    }

    /**
     * {@code GET /users/search} (Jira's "Get all users default"): every user of Jira's user base, active or not and in
     * a group or not, by offset; at most {@value #MAX_SEARCH_RESULTS} a page. Needs Browse users and groups.
     */
    @GetMapping("/users/search")
    ResponseEntity<Object> allUsers(@RequestParam(defaultValue = "0") int startAt,
            @RequestParam(defaultValue = "50") int maxResults, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("Browse users and groups permission is required to view users.");
        requireOffsets(startAt, maxResults);
        return state.locked(() -> ResponseEntity.ok(state.accounts().stream()
                .filter(a -> a.inJira && !a.isClosed())
                .skip(startAt)
                .limit(Math.min(maxResults, MAX_SEARCH_RESULTS))
                .map(a -> user(a, false))
                .toList()));
    }

    @GetMapping("/group/member")
    ResponseEntity<Object> groupMembers(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String groupname,
            @RequestParam(defaultValue = "false") boolean includeInactiveUsers,
            @RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "50") int maxResults,
            HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("Administer Jira global permission is required to view group members.");
        requireOffsets(startAt, maxResults);
        return state.locked(() -> {
            Group group = resolveGroup(groupId, groupname);
            List<Object> members = state.accounts().stream()
                    .filter(a -> a.inJira && !a.isClosed() && a.jiraGroupIds.contains(group.id))
                    .filter(a -> includeInactiveUsers || jiraActive(a))
                    .<Object>map(a -> user(a, false))
                    .toList();
            return ResponseEntity.ok(page(members, startAt, Math.min(maxResults, MAX_GROUP_MEMBERS)));
        });
    }

    @GetMapping("/group/bulk")
    ResponseEntity<Object> findGroups(@RequestParam(required = false) List<String> groupId,
            @RequestParam(required = false) List<String> groupName, @RequestParam(defaultValue = "0") int startAt,
            @RequestParam(defaultValue = "50") int maxResults, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("Browse users and groups permission is required to view groups.");
        requireOffsets(startAt, maxResults);
        return state.locked(() -> {
            List<Object> groups = state.jiraGroups().values().stream()
                    .filter(g -> groupId == null || groupId.contains(g.id))
                    .filter(g -> groupName == null
                            || groupName.stream().anyMatch(name -> name.equalsIgnoreCase(g.name)))
                    .<Object>map(g -> Map.of("groupId", g.id, "name", g.name))
                    .toList();
            return ResponseEntity.ok(page(groups, startAt, Math.min(maxResults, MAX_GROUPS)));
        });
    }

    /** A value Spring could not convert (a non-numeric {@code startAt}, say): Jira answers 400 in its own shape. */
    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class })
    ResponseEntity<Object> badRequest(Exception e) {
        return ErrorBodies.jira(HttpStatus.BAD_REQUEST, List.of("The request is not valid."), null);
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejected(Rejection rejection) {
        return rejection.answer;
    }

    private void requireSiteToken(HttpServletRequest request) {
        if (!auth.siteToken(request)) {
            throw reject(HttpStatus.UNAUTHORIZED, "Client must be authenticated to access this resource.");
        }
    }

    /**
     * The permission a call documents a 403 for (Browse users and groups, Administer Jira, site admin): the site
     * credential's user has them all unless {@link Behaviour#isSiteUserIsAdmin()} says otherwise.
     */
    private void requirePermission(String missing) {
        if (!behaviour.isSiteUserIsAdmin()) {
            throw reject(HttpStatus.FORBIDDEN, missing);
        }
    }

    private static void requireOffsets(int startAt, int maxResults) {
        if (startAt < 0) {
            throw rejectField("startAt", "startAt must not be negative.");
        }
        if (maxResults < 0) {
            throw rejectField("maxResults", "maxResults must not be negative.");
        }
    }

    private void requireSeat() {
        int limit = behaviour.getJiraLicenceLimit();
        if (limit > 0 && state.accounts().stream().filter(a -> a.inJira && !a.isClosed() && jiraActive(a)).count() >= limit) {
            throw reject(HttpStatus.BAD_REQUEST,
                    "You have exceeded the number of users allowed by your Jira licence (" + limit + ").");
        }
    }

    private static List<String> products(Object value) {
        if (!(value instanceof List<?> list)) {
            throw rejectField("products", "Specify the products the user gets access to, for example [\"jira-software\"].");
        }
        List<String> products = new ArrayList<>();
        for (Object product : list) {
            if (!(product instanceof String key) || !PRODUCTS.contains(key)) {
                throw rejectField("products", "Unknown product: " + product);
            }
            products.add(key);
        }
        return products;
    }

    /** The account as Jira knows it: 404 when it does not exist, is closed, or is outside Jira's user base. */
    private Account jiraUser(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw reject(HttpStatus.BAD_REQUEST, "The 'accountId' query parameter needs to be provided.");
        }
        return state.account(accountId).filter(a -> !a.isClosed() && a.inJira)
                .orElseThrow(() -> reject(HttpStatus.NOT_FOUND, NO_SUCH_USER));
    }

    private Group resolveGroup(String groupId, String groupname) {
        boolean byId = groupId != null && !groupId.isBlank();
        boolean byName = groupname != null && !groupname.isBlank();
        if (byId == byName) {
            throw reject(HttpStatus.BAD_REQUEST, "Specify exactly one of the 'groupId' or 'groupname' parameters.");
        }
        Optional<Group> group = byId ? Optional.ofNullable(state.jiraGroups().get(groupId)) : group(groupname);
        return group.orElseThrow(() -> reject(HttpStatus.NOT_FOUND, "Specified group does not exist."));
    }

    private Optional<Group> group(String name) {
        return name == null ? Optional.empty()
                : state.jiraGroups().values().stream().filter(g -> g.name.equalsIgnoreCase(name)).findFirst();
    }

    /** Jira shows deactivated and suspended accounts as {@code active: false}. */
    private static boolean jiraActive(Account account) {
        return account.isActive() && "active".equals(account.membershipStatus);
    }

    private Map<String, Object> user(Account account, boolean expandGroups) {
        List<Map<String, Object>> groups = groupsOf(account);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("self", base() + "/user?accountId=" + account.accountId);
        user.put("accountId", account.accountId);
        user.put("accountType", account.accountType);
        if (account.email != null) {
            user.put("emailAddress", account.email);
        }
        user.put("displayName", account.name);
        user.put("active", jiraActive(account));
        user.put("timeZone", "Etc/UTC");
        user.put("locale", "en_US");
        user.put("groups", Map.of("size", groups.size(), "items", expandGroups ? groups : List.of()));
        user.put("applicationRoles", Map.of("size", account.inJira ? 1 : 0, "items", List.of()));
        user.put("expand", "groups,applicationRoles");
        return user;
    }

    private List<Map<String, Object>> groupsOf(Account account) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String id : account.jiraGroupIds) {
            Group group = state.jiraGroups().get(id);
            if (group != null) {
                groups.add(groupRef(group));
            }
        }
        return groups;
    }

    private Map<String, Object> groupRef(Group group) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("name", group.name);
        ref.put("groupId", group.id);
        ref.put("self", base() + "/group?groupId=" + group.id);
        return ref;
    }

    private Map<String, Object> groupView(Group group) {
        Map<String, Object> view = groupRef(group);
        view.put("users", Map.of("size", state.accounts().stream().filter(a -> a.jiraGroupIds.contains(group.id)).count(),
                "items", List.of(), "max-results", 50, "start-index", 0, "end-index", 0));
        view.put("expand", "users");
        return view;
    }

    /** Jira's {@code PageBean}: {@code nextPage} is a full URL and absent on the last page. */
    private static Map<String, Object> page(List<Object> all, int startAt, int maxResults) {
        int from = Math.min(startAt, all.size());
        int to = Math.min(all.size(), from + maxResults);
        boolean last = to >= all.size();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("self", ServletUriComponentsBuilder.fromCurrentRequest().toUriString());
        if (!last) {
            page.put("nextPage", ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("startAt", to).replaceQueryParam("maxResults", maxResults).toUriString());
        }
        page.put("maxResults", maxResults);
        page.put("startAt", startAt);
        page.put("total", all.size());
        page.put("isLast", last);
        page.put("values", all.subList(from, to));
        return page;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE_PATH).toUriString();
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
    }

    private static String newAccountId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** {@code new.person@x} → {@code New Person}: what Jira shows until the person sets a name. */
    private static String displayName(String email) {
        String local = email.substring(0, email.indexOf('@'));
        StringBuilder name = new StringBuilder();
        for (String part : local.split("[._-]+")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1));
            }
        }
        return name.isEmpty() ? local : name.toString();
    }

    private static Rejection reject(HttpStatus status, String message) {
        return new Rejection(ErrorBodies.jira(status, List.of(message), null));
    }

    private static Rejection rejectField(String field, String message) {
        return new Rejection(ErrorBodies.jira(HttpStatus.BAD_REQUEST, List.of(), Map.of(field, message)));
    }

    /** An error answer thrown out of a check, so each endpoint reads as its happy path. */
    static final class Rejection extends RuntimeException {

        final transient ResponseEntity<Object> answer;

        Rejection(ResponseEntity<Object> answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }
}
