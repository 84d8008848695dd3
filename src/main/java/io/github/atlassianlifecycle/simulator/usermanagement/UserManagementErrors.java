package io.github.atlassianlifecycle.simulator.usermanagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.ErrorBodies;

/** The user management API's error answers by key, in its {@code {"key", "context"}} shape (see {@link ErrorBodies}). */
final class UserManagementErrors {

    private UserManagementErrors() {
    }

    static ResponseEntity<Object> accountNotFound() {
        return ErrorBodies.userManagement(HttpStatus.NOT_FOUND, "accountNotFound", null);
    }

    /** The reads' 403 for an account the organization may not manage: no context. */
    static ResponseEntity<Object> forbidden() {
        return ErrorBodies.userManagement(HttpStatus.FORBIDDEN, "forbidden", null);
    }

    static ResponseEntity<Object> unclaimedDomain(Account account) {
        return ErrorBodies.userManagement(HttpStatus.FORBIDDEN, "forbidden.unclaimedDomain", Map.of("domain", account.domain()));
    }

    static ResponseEntity<Object> forbiddenAction(String reasonKey) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("allowed", false);
        context.put("reason", Map.of("key", reasonKey));
        return ErrorBodies.userManagement(HttpStatus.FORBIDDEN, "forbidden.action", context);
    }

    static ResponseEntity<Object> lifecycleConflict(String accountId, String code, String message) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", message);
        context.put("accountId", accountId);
        context.put("errorCodes", List.of(Map.of("code", code, "message", message,
                "link", "https://support.atlassian.com/user-management/")));
        return ErrorBodies.userManagement(HttpStatus.CONFLICT, "conflict.lifecycleErrors", context);
    }
}
