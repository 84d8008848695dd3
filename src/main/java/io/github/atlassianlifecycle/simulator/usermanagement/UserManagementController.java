package io.github.atlassianlifecycle.simulator.usermanagement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.CredentialCheck;
import io.github.atlassianlifecycle.simulator.core.ErrorBodies;
import io.github.atlassianlifecycle.simulator.core.SimulatedApiToken;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * The user management API: {@code /users/{accountId}/manage/...} with the org key as Bearer. Only managed accounts
 * can be changed (403 {@code forbidden.unclaimedDomain} otherwise); accounts owned by an identity provider are
 * refused with 403 {@code forbidden.action} and the provider as reason.
 */
@RestController
@RequestMapping("/sim/api/users/{accountId}/manage")
public class UserManagementController {

    private final SimulatorState state;
    private final CredentialCheck auth;
    private final Behaviour behaviour;

    UserManagementController(SimulatorState state, CredentialCheck auth, Behaviour behaviour) {
        this.state = state;
        this.auth = auth;
        this.behaviour = behaviour;
    }

    /**
     * The pre-check: one decision per privilege asked for, every documented privilege when none is named. The
     * {@code profile} (deprecated) and {@code profile.write} privileges are objects of rules keyed by profile field;
     * the others one rule each. Privileges the reference does not know are left out of the answer.
     */
    @GetMapping
    ResponseEntity<Object> privileges(@PathVariable String accountId,
            @RequestParam(required = false) String privileges, HttpServletRequest request) {
        return guarded(request, accountId, false, account -> {
            List<String> asked = privileges == null || privileges.isBlank() ? Privileges.ALL
                    : Arrays.stream(privileges.split(",")).map(String::trim).filter(Privileges.ALL::contains)
                            .distinct().toList();
            Map<String, Object> answer = new LinkedHashMap<>();
            asked.forEach(privilege -> answer.put(privilege, Privileges.decision(privilege, account)));
            return ResponseEntity.ok(answer);
        });
    }

    /** The reference's AtlassianAccountUser: {@code picture} is required; it has no {@code email_verified}. */
    @GetMapping("/profile")
    ResponseEntity<Object> profile(@PathVariable String accountId, HttpServletRequest request) {
        return guarded(request, accountId, false, account -> {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("account_id", account.accountId);
            profile.put("account_type", account.accountType);
            profile.put("account_status", account.accountStatus);
            profile.put("name", account.name);
            profile.put("picture", picture(account));
            profile.put("email", account.email);
            profile.put("nickname", account.nickname);
            return ResponseEntity.ok(Map.of("account", profile));
        });
    }

    @PostMapping("/lifecycle/disable")
    ResponseEntity<Object> disable(@PathVariable String accountId, HttpServletRequest request) {
        return guarded(request, accountId, true, account -> {
            if (!account.isActive()) {
                return alreadyDone(behaviour.isDisableInactiveConflict(), accountId, "ACCOUNT_ALREADY_INACTIVE",
                        "The account is already deactivated");
            }
            account.accountStatus = "inactive";
            account.deactivatedOn = state.now();
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/lifecycle/enable")
    ResponseEntity<Object> enable(@PathVariable String accountId, HttpServletRequest request) {
        return guarded(request, accountId, true, account -> {
            if (account.forDeletion) {
                return UserManagementErrors.lifecycleConflict(accountId, "ACCOUNT_SCHEDULED_FOR_DELETION",
                        "The account is scheduled for deletion; cancel the deletion first");
            }
            if (account.isActive()) {
                return alreadyDone(behaviour.isEnableActiveConflict(), accountId, "ACCOUNT_ALREADY_ACTIVE",
                        "The account is already active");
            }
            account.accountStatus = "active";
            account.deactivatedOn = null;
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/lifecycle/delete")
    ResponseEntity<Object> delete(@PathVariable String accountId, HttpServletRequest request) {
        return guarded(request, accountId, true, account -> {
            if (account.forDeletion) {
                return UserManagementErrors.lifecycleConflict(accountId, "ACCOUNT_ALREADY_SCHEDULED_FOR_DELETION",
                        "The account is already scheduled for deletion");
            }
            account.forDeletion = true;
            account.deletionRequestedAt = state.now();
            if (account.isActive()) {
                account.deactivatedOn = state.now();
            }
            account.accountStatus = "inactive";
            return ResponseEntity.ok(Map.of("message", "Success"));
        });
    }

    @PostMapping("/lifecycle/cancel-delete")
    ResponseEntity<Object> cancelDelete(@PathVariable String accountId, HttpServletRequest request) {
        return guarded(request, accountId, true, account -> {
            if (!account.forDeletion) {
                return behaviour.isCancelDeleteUnscheduledConflict()
                        ? UserManagementErrors.lifecycleConflict(accountId, "ACCOUNT_NOT_SCHEDULED_FOR_DELETION",
                                "The account is not scheduled for deletion")
                        : ResponseEntity.ok(Map.of("message", "The account is not scheduled for deletion"));
            }
            account.forDeletion = false;
            account.deletionRequestedAt = null;
            account.accountStatus = "active";
            account.deactivatedOn = null;
            return ResponseEntity.ok(Map.of("message", "The deletion was cancelled and the account is active"));
        });
    }

    /**
     * The account's API tokens, as the reference's array of ApiTokenModel. A read: an account the organization
     * does not manage is refused as by the other reads; one owned by an identity provider is not (its tokens are
     * Atlassian's, the {@code apiToken.*} privileges are allowed for every managed account).
     */
    @GetMapping("/api-tokens")
    ResponseEntity<Object> apiTokens(@PathVariable String accountId, HttpServletRequest request) {
        return guarded(request, accountId, false, account -> ResponseEntity.ok(account.apiTokens.stream()
                .map(UserManagementController::tokenModel).toList()));
    }

    /**
     * Revokes one token: 204 as the reference's "The API token was deleted". A token the account does not own
     * answers 404 {@code notFound}; the reference documents no refusal here, so a caller that revokes what it just
     * listed never meets it.
     */
    @DeleteMapping("/api-tokens/{tokenId}")
    ResponseEntity<Object> deleteApiToken(@PathVariable String accountId, @PathVariable String tokenId,
            HttpServletRequest request) {
        return guarded(request, accountId, false, account -> account.apiTokens.removeIf(t -> t.id().equals(tokenId))
                ? ResponseEntity.noContent().build()
                : ErrorBodies.userManagement(HttpStatus.NOT_FOUND, "notFound", null));
    }

    private static Map<String, Object> tokenModel(SimulatedApiToken token) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("label", token.label());
        if (token.lastAccess() != null) {
            model.put("lastAccess", token.lastAccess().toString());
        }
        model.put("createdAt", token.createdAt().toString());
        model.put("id", token.id());
        if (token.expiry() != null) {
            model.put("expiry", token.expiry().toString());
        }
        return model;
    }

    /**
     * The checks every endpoint shares, in Atlassian's order: credential, existence, whether the organization
     * manages the account, then (for changes) whether an identity provider owns it. An account the organization does
     * not manage is refused with {@code forbidden.unclaimedDomain} by the lifecycle writes (documented there); the
     * reads document only {@code forbidden} (and {@code forbidden.targetUnverified}), so they answer that unless
     * switched.
     */
    private ResponseEntity<Object> guarded(HttpServletRequest request, String accountId, boolean change,
            java.util.function.Function<Account, ResponseEntity<Object>> action) {
        if (!auth.orgKey(request)) {
            return ErrorBodies.userManagement(HttpStatus.UNAUTHORIZED, "unauthorized", null);
        }
        return state.locked(() -> {
            Optional<Account> found = state.account(accountId).filter(a -> !a.isClosed());
            if (found.isEmpty()) {
                return UserManagementErrors.accountNotFound();
            }
            Account account = found.get();
            if (!account.managed) {
                return change || behaviour.isUserManagementReadUnclaimedDomain()
                        ? UserManagementErrors.unclaimedDomain(account) : UserManagementErrors.forbidden();
            }
            if (change && account.externalDirectory != null) {
                return UserManagementErrors.forbiddenAction(restriction(account));
            }
            return action.apply(account);
        });
    }

    /**
     * The account is already as asked: 204 as for a change, or, where the switch says so, the 409 with the code a
     * tenant may answer instead (the reference leaves a repeated disable or enable open).
     */
    private static ResponseEntity<Object> alreadyDone(boolean conflict, String accountId, String code,
            String message) {
        return conflict ? UserManagementErrors.lifecycleConflict(accountId, code, message)
                : ResponseEntity.noContent().build();
    }

    private static String restriction(Account account) {
        return Privileges.restriction(account);
    }

    /** An absolute URI of the avatar, as Atlassian's avatar service gives one from the initials. */
    private static String picture(Account account) {
        StringBuilder initials = new StringBuilder();
        for (String part : (account.name == null ? "?" : account.name).trim().split("\\s+")) {
            if (!part.isEmpty() && initials.length() < 2) {
                initials.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return "https://avatar-management.services.atlassian.com/initials/" + initials + "-1.png";
    }
}
