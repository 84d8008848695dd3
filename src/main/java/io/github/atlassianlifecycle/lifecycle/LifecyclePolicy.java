package io.github.atlassianlifecycle.lifecycle;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The choices an organization makes about how lifecycles run; set through {@code atlassian.lifecycle.*}.
 *
 * @param releaseProductGroups when disabling, whether to take the account out of its Jira and Confluence groups
 *        (freeing the seats they hold)
 * @param provisioning how new accounts are created
 * @param privilegedGroups group names whose grant needs a second approval (compared case-insensitively)
 * @param deleteGracePeriod how long a deleted account stays only disabled, so the deletion can be cancelled
 */
public record LifecyclePolicy(SeatRelease releaseProductGroups, Provisioning provisioning, Set<String> privilegedGroups,
        Duration deleteGracePeriod) {

    /** When disabling frees product seats. */
    public enum SeatRelease {
        /** Never: seats are freed by deactivation itself (user management, suspend). */
        NEVER,
        /** For SCIM-managed accounts only: SCIM deactivation does not free Jira licences held by local groups. */
        SCIM_ONLY,
        /** Always. */
        ALWAYS
    }

    /** How {@code account-add} creates an account. */
    public enum Provisioning {
        /** Organizations API v2 invite. */
        INVITE,
        /** SCIM {@code POST /Users} (for organizations whose identity provider owns the accounts). */
        SCIM
    }

    public LifecyclePolicy {
        privilegedGroups = privilegedGroups == null ? Set.of()
                : privilegedGroups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(SeatRelease.SCIM_ONLY, Provisioning.INVITE,
                Set.of("org-admins", "site-admins", "jira-administrators", "confluence-administrators"),
                Duration.ofDays(30));
    }

    public boolean isPrivileged(String groupName) {
        return groupName != null && privilegedGroups.contains(groupName.toLowerCase(Locale.ROOT));
    }
}
