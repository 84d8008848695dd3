package io.github.atlassianlifecycle.simulator.usermanagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.atlassianlifecycle.simulator.core.Account;

/**
 * The answer of {@code GET /users/{id}/manage}, apart from HTTP: which of the eight documented privileges the org key
 * has on an account, and why not. {@code profile} and {@code profile.write} are decided per profile field (their
 * answer is an object of rules keyed by the field's JSON path); the others are one rule each.
 */
final class Privileges {

    /** Every privilege of the reference's 200 schema, in its order. */
    static final List<String> ALL = List.of("profile", "profile.write", "profile.read", "email.set",
            "lifecycle.enablement", "lifecycle.delete", "apiToken.read", "apiToken.delete");

    /** The profile fields the per-field rules name (JSON paths of the profile). */
    static final List<String> PROFILE_FIELDS = List.of("name", "nickname", "zoneinfo", "locale",
            "extended_profile.job_title", "extended_profile.organization", "extended_profile.department",
            "extended_profile.location");

    private Privileges() {
    }

    /** Why the account's lifecycle may not be changed by the organization, or null when it may. */
    static String restriction(Account account) {
        if (!account.managed) {
            return "managedAccount";
        }
        return account.externalDirectory == null ? null : "externalDirectory." + account.externalDirectory;
    }

    static Object decision(String privilege, Account account) {
        String owner = restriction(account);
        return switch (privilege) {
            case "profile", "profile.write" -> perField(owner);
            case "lifecycle.delete" -> rule(owner == null && account.forDeletion ? "administrative" : owner);
            case "profile.read", "apiToken.read", "apiToken.delete" -> rule(account.managed ? null : "managedAccount");
            default -> rule(owner); // email.set, lifecycle.enablement: an identity provider owns both
        };
    }

    private static Map<String, Object> perField(String owner) {
        Map<String, Object> rules = new LinkedHashMap<>();
        PROFILE_FIELDS.forEach(field -> rules.put(field, rule(owner)));
        return rules;
    }

    /** {@code {"allowed": true}} or {@code {"allowed": false, "reason": {"key": ...}}}. */
    private static Map<String, Object> rule(String reason) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("allowed", reason == null);
        if (reason != null) {
            rule.put("reason", Map.of("key", reason));
        }
        return rule;
    }
}
