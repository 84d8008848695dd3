package io.github.atlassianlifecycle.client.organizations;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /v2/orgs/{orgId}/users/invite}. Invitations are keyed by email, so sending the same one
 * again adds nobody twice.
 *
 * @param additionalGroups ids (not names) of the directory groups to add the invitees to
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Invitation(List<String> emails, List<PermissionRule> permissionRules, List<String> additionalGroups,
        Boolean sendNotification, String notificationText) {

    public Invitation {
        emails = emails == null ? List.of() : List.copyOf(emails);
        if (emails.isEmpty() || emails.stream().anyMatch(e -> e == null || e.isBlank())) {
            throw new IllegalArgumentException("an invitation needs at least one email and no blank ones");
        }
        permissionRules = permissionRules == null ? List.of() : List.copyOf(permissionRules);
        additionalGroups = additionalGroups == null ? List.of() : List.copyOf(additionalGroups);
    }

    /** Invites without a notification email; add groups with {@link #withGroups}. */
    public static Invitation of(String... emails) {
        return new Invitation(Arrays.asList(emails), null, null, false, null);
    }

    public Invitation withGroups(String... groupIds) {
        return new Invitation(emails, permissionRules, Arrays.asList(groupIds), sendNotification, notificationText);
    }

    public Invitation withPermissionRules(PermissionRule... rules) {
        return new Invitation(emails, Arrays.asList(rules), additionalGroups, sendNotification, notificationText);
    }

    /** Sends Atlassian's invitation email with this message. */
    public Invitation withNotification(String text) {
        return new Invitation(emails, permissionRules, additionalGroups, true, text);
    }

    /** A role on a product resource, e.g. {@code ari:cloud:jira::site/<cloudId>} and {@code atlassian/user}. */
    public record PermissionRule(String resource, String role) {
    }
}
