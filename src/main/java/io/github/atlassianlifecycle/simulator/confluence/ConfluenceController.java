package io.github.atlassianlifecycle.simulator.confluence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * Confluence Cloud group membership, REST v1, on the simulated site ({@code /sim/site/wiki/rest/api}, the site admin's
 * email and API token as Basic; an org key answers 401). Membership is {@link Account#confluenceGroupIds}.
 *
 * <p>As documented: removing a non-member answers 204, removing an account that does not exist 404; a
 * {@code limit} above 200 is refused (400) by {@code membersByGroupId} only, while {@code /group} and
 * {@code /user/memberof} cut it to 200 (their "fixed system limits"); every call documents a 403 for a caller
 * without the permission ({@link Behaviour#isSiteUserIsAdmin()}). Where the reference lists no 404 (memberof of an
 * unknown account, the members of an unknown group, adding an unknown account), the answer is switchable
 * ({@link Behaviour#isConfluenceUnknownIdsNotFound()}). Member listings leave out deactivated, suspended and closed
 * accounts: the simulator's choice, which the reference does not state.
 */
@RestController
@RequestMapping("/sim/site/wiki/rest/api")
public class ConfluenceController {

    static final int MAX_LIMIT = 200;
    private static final String CONTEXT = "/sim/site/wiki";

    private final SimulatorState state;
    private final CredentialCheck auth;
    private final Behaviour behaviour;

    ConfluenceController(SimulatorState state, CredentialCheck auth, Behaviour behaviour) {
        this.state = state;
        this.auth = auth;
        this.behaviour = behaviour;
    }

    @PostMapping("/group/userByGroupId")
    ResponseEntity<Object> addMember(@RequestParam(required = false) String groupId,
            @RequestBody(required = false) Map<String, Object> body, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("The calling user is not a site admin.");
        String accountId = body == null ? null : body.get("accountId") instanceof String id ? id : null;
        if (accountId == null || accountId.isBlank()) {
            throw reject(HttpStatus.BAD_REQUEST, "accountId is required");
        }
        return state.locked(() -> {
            Group group = group(groupId);
            Account account = state.account(accountId).filter(a -> !a.isClosed())
                    .orElseThrow(() -> unknownIds() ? reject(HttpStatus.NOT_FOUND, noUser(accountId))
                            : reject(HttpStatus.BAD_REQUEST, "The accountId " + accountId + " is not valid."));
            account.confluenceGroupIds.add(group.id);
            return ResponseEntity.status(HttpStatus.CREATED).build();
        });
    }

    @DeleteMapping("/group/userByGroupId")
    ResponseEntity<Object> removeMember(@RequestParam(required = false) String groupId,
            @RequestParam(required = false) String accountId, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("The calling user is not a site admin.");
        if (accountId == null || accountId.isBlank()) {
            throw reject(HttpStatus.BAD_REQUEST, "accountId is required");
        }
        return state.locked(() -> {
            Group group = group(groupId);
            Account account = state.account(accountId).filter(a -> !a.isClosed())
                    .orElseThrow(() -> reject(HttpStatus.NOT_FOUND, noUser(accountId)));
            account.confluenceGroupIds.remove(group.id);
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping("/group/{groupId}/membersByGroupId")
    ResponseEntity<Object> groupMembers(@PathVariable String groupId, @RequestParam(defaultValue = "0") int start,
            @RequestParam(defaultValue = "200") int limit, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("The calling user does not have permission to view users.");
        if (start < 0) {
            throw reject(HttpStatus.BAD_REQUEST, "start must not be negative");
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw reject(HttpStatus.BAD_REQUEST, "The limit must not be greater than " + MAX_LIMIT + ".");
        }
        return state.locked(() -> {
            if (!unknownIds() && state.confluenceGroups().get(groupId) == null) {
                return ResponseEntity.ok(page(List.of(), start, limit, "/rest/api/group/" + groupId + "/membersByGroupId"));
            }
            Group group = group(groupId);
            List<Object> members = state.accounts().stream()
                    .filter(a -> a.confluenceGroupIds.contains(group.id))
                    .filter(a -> a.isActive() && "active".equals(a.membershipStatus))
                    .<Object>map(ConfluenceController::user)
                    .toList();
            return ResponseEntity.ok(page(members, start, limit,
                    "/rest/api/group/" + group.id + "/membersByGroupId"));
        });
    }

    /** {@code GET /wiki/rest/api/user/memberof?accountId=}: the groups a user is in (for the undo snapshot). */
    @GetMapping("/user/memberof")
    ResponseEntity<Object> memberOf(@RequestParam(required = false) String accountId,
            @RequestParam(defaultValue = "0") int start, @RequestParam(defaultValue = "200") int limit,
            HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("The calling user does not have permission to use Confluence.");
        int from = Math.max(0, start);
        int size = systemLimit(limit);
        return state.locked(() -> {
            java.util.Optional<Account> account = accountId == null ? java.util.Optional.empty()
                    : state.account(accountId).filter(a -> !a.isClosed());
            if (account.isEmpty() && unknownIds()) {
                throw reject(HttpStatus.NOT_FOUND, noUser(accountId));
            }
            List<Object> groups = account.map(a -> a.confluenceGroupIds.stream().map(id -> state.confluenceGroups().get(id))
                    .filter(java.util.Objects::nonNull).<Object>map(ConfluenceController::groupView).toList())
                    .orElse(List.of());
            return ResponseEntity.ok(page(groups, from, size, "/rest/api/user/memberof"));
        });
    }

    @GetMapping("/group")
    ResponseEntity<Object> groups(@RequestParam(defaultValue = "0") int start,
            @RequestParam(defaultValue = "200") int limit, HttpServletRequest request) {
        requireSiteToken(request);
        requirePermission("The calling user does not have permission to view groups.");
        int from = Math.max(0, start);
        int size = systemLimit(limit);
        return state.locked(() -> {
            List<Object> groups = state.confluenceGroups().values().stream()
                    .<Object>map(ConfluenceController::groupView)
                    .toList();
            return ResponseEntity.ok(page(groups, from, size, "/rest/api/group"));
        });
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class })
    ResponseEntity<Object> badRequest(Exception e) {
        return ErrorBodies.confluence(HttpStatus.BAD_REQUEST, "The request is not valid");
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejected(Rejection rejection) {
        return rejection.answer;
    }

    private void requireSiteToken(HttpServletRequest request) {
        if (!auth.siteToken(request)) {
            throw reject(HttpStatus.UNAUTHORIZED, "Current user not permitted to use Confluence");
        }
    }

    /** The permission each call documents a 403 for; the site credential's user has it unless switched. */
    private void requirePermission(String missing) {
        if (!behaviour.isSiteUserIsAdmin()) {
            throw reject(HttpStatus.FORBIDDEN, missing);
        }
    }

    private boolean unknownIds() {
        return behaviour.isConfluenceUnknownIdsNotFound();
    }

    /** {@code /group} and {@code /user/memberof}: a limit "may be restricted by fixed system limits", not refused. */
    private static int systemLimit(int limit) {
        return Math.min(MAX_LIMIT, Math.max(0, limit));
    }

    private static String noUser(String accountId) {
        return "No user exists for accountId " + accountId + ".";
    }

    private static Map<String, Object> groupView(Group g) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", "group");
        view.put("name", g.name);
        view.put("id", g.id);
        view.put("_links", Map.of("self", base() + "/rest/api/group/by-id?id=" + g.id));
        return view;
    }

    private Group group(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            throw reject(HttpStatus.BAD_REQUEST, "groupId is required");
        }
        Group group = state.confluenceGroups().get(groupId);
        if (group == null) {
            throw reject(HttpStatus.NOT_FOUND, "No group found with id " + groupId);
        }
        return group;
    }

    private static Map<String, Object> user(Account account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("type", "known");
        user.put("accountId", account.accountId);
        user.put("accountType", account.accountType);
        if (account.email != null) {
            user.put("email", account.email);
        }
        user.put("publicName", account.name);
        user.put("displayName", account.name);
        user.put("isExternalCollaborator", false);
        return user;
    }

    /** Confluence's v1 page; {@code _links.next} is relative to {@code _links.base} and only there while more follow. */
    private static Map<String, Object> page(List<Object> all, int start, int limit, String path) {
        int from = Math.min(start, all.size());
        int to = Math.min(all.size(), from + limit);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("base", base());
        links.put("context", CONTEXT);
        links.put("self", base() + path);
        if (to < all.size() && limit > 0) {
            links.put("next", path + "?start=" + to + "&limit=" + limit);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("results", all.subList(from, to));
        page.put("start", start);
        page.put("limit", limit);
        page.put("size", to - from);
        page.put("_links", links);
        return page;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CONTEXT).toUriString();
    }

    private static Rejection reject(HttpStatus status, String message) {
        return new Rejection(ErrorBodies.confluence(status, message));
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
