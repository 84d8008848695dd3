package io.github.atlassianlifecycle.simulator.bitbucket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.BitbucketDirectoryUser;
import io.github.atlassianlifecycle.simulator.core.BitbucketPermission;
import io.github.atlassianlifecycle.simulator.core.BitbucketSeeder;
import io.github.atlassianlifecycle.simulator.core.CredentialCheck;
import io.github.atlassianlifecycle.simulator.core.ErrorBodies;
import io.github.atlassianlifecycle.simulator.core.SimulatorProperties;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * Bitbucket Data Center's user administration ({@code /sim/bitbucket/rest/api/latest/admin/users...}, and the
 * groups with their members, {@code .../admin/groups...}; the admin's
 * password as Basic or an HTTP access token as Bearer). Bitbucket keeps its own users ({@link BitbucketDirectoryUser}, by
 * user name) apart from Atlassian accounts. There is no deactivate endpoint, as in the real product. Deleting the
 * calling admin answers 409; creating a user beyond {@link Behaviour#getBitbucketLicenceLimit()} answers 403, and so
 * do, as documented, deleting a user or adding to or removing from a group whose permission level is above the
 * calling admin's ({@link BitbucketSeeder#GROUP_PERMISSIONS}).
 */
@RestController
@RequestMapping("/sim/bitbucket/rest/api/latest/admin")
public class BitbucketController {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final String NO_SUCH_USER = "com.atlassian.bitbucket.user.NoSuchUserException";
    private static final String NO_SUCH_GROUP = "com.atlassian.bitbucket.user.NoSuchGroupException";
    private static final String AUTHORISATION = "com.atlassian.bitbucket.AuthorisationException";

    private final SimulatorState state;
    private final CredentialCheck auth;
    private final Behaviour behaviour;
    private final SimulatorProperties properties;

    BitbucketController(SimulatorState state, CredentialCheck auth, Behaviour behaviour, SimulatorProperties properties) {
        this.state = state;
        this.auth = auth;
        this.behaviour = behaviour;
        this.properties = properties;
    }

    @GetMapping("/users")
    ResponseEntity<Object> findUsers(@RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "0") int start, @RequestParam(defaultValue = "0") int limit,
            HttpServletRequest request) {
        requireAdmin(request);
        requireOffsets(start, limit);
        String wanted = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        return state.locked(() -> ResponseEntity.ok(page(state.bitbucketUsers().values().stream()
                .filter(u -> contains(u.name, wanted) || contains(u.displayName, wanted)
                        || contains(u.emailAddress, wanted))
                .sorted(Comparator.comparing(u -> BitbucketDirectoryUser.key(u.name)))
                .<Object>map(this::view).toList(), start, limit)));
    }

    /** {@code GET /admin/groups?filter=}: a page of groups ({@code name}, {@code deletable}), by name. */
    @GetMapping("/groups")
    ResponseEntity<Object> findGroups(@RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "0") int start, @RequestParam(defaultValue = "0") int limit,
            HttpServletRequest request) {
        requireAdmin(request);
        requireOffsets(start, limit);
        String wanted = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        return state.locked(() -> ResponseEntity.ok(page(state.bitbucketGroups().stream()
                .filter(group -> contains(group, wanted)).sorted()
                .<Object>map(group -> Map.of("name", group, "deletable", true)).toList(), start, limit)));
    }

    /**
     * {@code GET /admin/groups/more-members?context=<group>&filter=}: a page of the group's members (users as
     * {@code GET /admin/users} shows them, active or not); 404 for an unknown group.
     */
    @GetMapping("/groups/more-members")
    ResponseEntity<Object> groupMembers(@RequestParam(required = false) String context,
            @RequestParam(required = false) String filter, @RequestParam(defaultValue = "0") int start,
            @RequestParam(defaultValue = "0") int limit, HttpServletRequest request) {
        requireAdmin(request);
        if (blank(context)) {
            throw rejectField("context", "A group name is required.");
        }
        requireOffsets(start, limit);
        String wanted = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        return state.locked(() -> {
            requireGroup(context);
            return ResponseEntity.ok(page(state.bitbucketUsers().values().stream()
                    .filter(u -> u.groups.contains(context))
                    .filter(u -> contains(u.name, wanted) || contains(u.displayName, wanted)
                            || contains(u.emailAddress, wanted))
                    .sorted(Comparator.comparing(u -> BitbucketDirectoryUser.key(u.name)))
                    .<Object>map(this::view).toList(), start, limit));
        });
    }

    private static void requireOffsets(int start, int limit) {
        if (start < 0 || limit < 0) {
            throw reject(HttpStatus.BAD_REQUEST, "start and limit must not be negative",
                    "com.atlassian.bitbucket.validation.ArgumentValidationException");
        }
    }

    /** Bitbucket's page: {@code size, limit, isLastPage, values, start} and {@code nextPageStart} unless last. */
    private static Map<String, Object> page(List<Object> all, int start, int limit) {
        int pageSize = limit == 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        int from = Math.min(start, all.size());
        int to = Math.min(all.size(), from + pageSize);
        List<Object> values = new ArrayList<>(all.subList(from, to));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("size", values.size());
        page.put("limit", pageSize);
        page.put("isLastPage", to >= all.size());
        page.put("values", values);
        page.put("start", start);
        if (to < all.size()) {
            page.put("nextPageStart", to);
        }
        return page;
    }

    @PostMapping("/users")
    ResponseEntity<Object> createUser(@RequestParam(required = false) String name,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) String emailAddress,
            @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "true") boolean addToDefaultGroup,
            @RequestParam(defaultValue = "false") boolean notify, HttpServletRequest request) {
        requireAdmin(request);
        if (blank(name)) {
            throw rejectField("name", "A username is required.");
        }
        if (blank(displayName)) {
            throw rejectField("displayName", "A display name is required.");
        }
        if (blank(emailAddress) || !emailAddress.matches("[^@\\s]+@[^@\\s]+")) {
            throw rejectField("emailAddress", "A valid email address is required.");
        }
        if (!notify && blank(password)) {
            throw rejectField("password", "A password is required unless the user is notified to set one.");
        }
        return state.locked(() -> {
            if (state.bitbucketUsers().containsKey(BitbucketDirectoryUser.key(name))) {
                throw reject(HttpStatus.CONFLICT, "A user with the username '" + name + "' already exists.",
                        "com.atlassian.bitbucket.user.DuplicateUserException");
            }
            int limit = behaviour.getBitbucketLicenceLimit();
            if (limit > 0 && state.bitbucketUsers().size() >= limit) {
                throw reject(HttpStatus.FORBIDDEN, "The user limit of this Bitbucket licence (" + limit
                        + " users) has been reached.", "com.atlassian.bitbucket.license.LicenseLimitException");
            }
            long id = state.bitbucketUsers().values().stream().mapToLong(u -> u.id).max().orElse(0) + 1;
            BitbucketDirectoryUser user = new BitbucketDirectoryUser(id, name);
            user.displayName = displayName;
            user.emailAddress = emailAddress;
            if (addToDefaultGroup) {
                user.groups.add(BitbucketSeeder.DEFAULT_GROUP);
            }
            state.bitbucketUsers().put(BitbucketDirectoryUser.key(name), user);
            return ResponseEntity.noContent().build();
        });
    }

    @DeleteMapping("/users")
    ResponseEntity<Object> deleteUser(@RequestParam(required = false) String name, HttpServletRequest request) {
        requireAdmin(request);
        if (blank(name)) {
            throw rejectField("name", "A username is required.");
        }
        return state.locked(() -> {
            BitbucketDirectoryUser user = user(name);
            if (BitbucketDirectoryUser.key(name).equals(BitbucketDirectoryUser.key(properties.getBitbucketUser()))) {
                throw reject(HttpStatus.CONFLICT, "You cannot delete yourself.",
                        "com.atlassian.bitbucket.user.UserErasureException");
            }
            if (BitbucketSeeder.permissionOf(user).compareTo(callerPermission()) > 0) {
                throw reject(HttpStatus.FORBIDDEN, "You cannot delete a user with a higher permission level than "
                        + "your own.", AUTHORISATION);
            }
            Map<String, Object> deleted = view(user);
            state.bitbucketUsers().remove(BitbucketDirectoryUser.key(name));
            return ResponseEntity.ok(deleted);
        });
    }

    @PostMapping("/users/add-groups")
    ResponseEntity<Object> addUserToGroups(@RequestBody(required = false) Map<String, Object> body,
            HttpServletRequest request) {
        requireAdmin(request);
        String name = body == null ? null : body.get("user") instanceof String text ? text : null;
        if (blank(name)) {
            throw rejectField("user", "The user is required.");
        }
        if (!(body.get("groups") instanceof List<?> groups) || groups.isEmpty()
                || !groups.stream().allMatch(String.class::isInstance)) {
            throw rejectField("groups", "At least one group is required.");
        }
        return state.locked(() -> {
            BitbucketDirectoryUser user = user(name);
            for (Object group : groups) {
                requireGroup((String) group);
                requireAtMostOwnPermission((String) group, "add a user to");
            }
            groups.forEach(group -> user.groups.add((String) group));
            return ResponseEntity.ok().build();
        });
    }

    @PostMapping("/users/remove-group")
    ResponseEntity<Object> removeUserFromGroup(@RequestBody(required = false) Map<String, Object> body,
            HttpServletRequest request) {
        requireAdmin(request);
        String name = body == null ? null : body.get("context") instanceof String text ? text : null;
        String group = body == null ? null : body.get("itemName") instanceof String text ? text : null;
        if (blank(name)) {
            throw rejectField("context", "The user is required.");
        }
        if (blank(group)) {
            throw rejectField("itemName", "The group is required.");
        }
        return state.locked(() -> {
            BitbucketDirectoryUser user = user(name);
            requireGroup(group);
            requireAtMostOwnPermission(group, "remove a user from");
            user.groups.remove(group);
            return ResponseEntity.ok().build();
        });
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class })
    ResponseEntity<Object> badRequest(Exception e) {
        return ErrorBodies.bitbucket(HttpStatus.BAD_REQUEST, "The request is not valid.",
                "com.atlassian.bitbucket.validation.ArgumentValidationException");
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejected(Rejection rejection) {
        return rejection.answer;
    }

    private void requireAdmin(HttpServletRequest request) {
        if (!auth.bitbucket(request)) {
            throw reject(HttpStatus.UNAUTHORIZED, "Authentication failed. Please check your credentials and try again.",
                    "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException");
        }
    }

    private BitbucketDirectoryUser user(String name) {
        BitbucketDirectoryUser user = state.bitbucketUsers().get(BitbucketDirectoryUser.key(name));
        if (user == null) {
            throw reject(HttpStatus.NOT_FOUND, "User " + name + " does not exist.", NO_SUCH_USER);
        }
        return user;
    }

    /** The calling admin's own global permission: a group granting more is beyond what it may hand out or take. */
    private BitbucketPermission callerPermission() {
        BitbucketDirectoryUser caller = state.bitbucketUsers().get(BitbucketDirectoryUser.key(properties.getBitbucketUser()));
        return caller == null ? BitbucketPermission.ADMIN : BitbucketSeeder.permissionOf(caller);
    }

    private void requireAtMostOwnPermission(String group, String what) {
        BitbucketPermission granted = BitbucketSeeder.GROUP_PERMISSIONS.getOrDefault(group, BitbucketPermission.NONE);
        if (granted.compareTo(callerPermission()) > 0) {
            throw reject(HttpStatus.FORBIDDEN, "You cannot " + what + " a group with a higher permission level than "
                    + "your own.", AUTHORISATION);
        }
    }

    private void requireGroup(String group) {
        if (!state.bitbucketGroups().contains(group)) {
            throw reject(HttpStatus.NOT_FOUND, "Group " + group + " does not exist.", NO_SUCH_GROUP);
        }
    }

    private Map<String, Object> view(BitbucketDirectoryUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", user.name);
        view.put("emailAddress", user.emailAddress);
        view.put("active", user.active);
        view.put("displayName", user.displayName);
        view.put("id", user.id);
        view.put("slug", user.slug());
        view.put("type", "NORMAL");
        view.put("directoryName", "Bitbucket Internal Directory");
        view.put("deletable", !BitbucketDirectoryUser.key(user.name).equals(BitbucketDirectoryUser.key(properties.getBitbucketUser())));
        view.put("mutableDetails", true);
        view.put("mutableGroups", true);
        view.put("links", Map.of("self", List.of(Map.of("href", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/sim/bitbucket/users/{slug}").buildAndExpand(user.slug()).toUriString()))));
        return view;
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Rejection reject(HttpStatus status, String message, String exceptionName) {
        return new Rejection(ErrorBodies.bitbucket(status, message, exceptionName));
    }

    private static Rejection rejectField(String field, String message) {
        return new Rejection(ErrorBodies.bitbucketField(field, message));
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
