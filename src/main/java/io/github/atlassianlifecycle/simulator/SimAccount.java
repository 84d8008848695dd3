package io.github.atlassianlifecycle.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One Atlassian account as the simulator keeps it, across the organization, its directory and the products.
 * Mutable, and only touched while holding the {@link SimulatorState} lock.
 */
public final class SimAccount {

    final String accountId;
    String email;
    String name;
    String nickname;
    String accountType = "atlassian";
    /** The email's domain is verified and claimed by the organization: user management may change the account. */
    boolean managed;
    /** {@code active}, {@code inactive} or {@code closed}: the Atlassian account itself. */
    String accountStatus = "active";
    /** {@code active}, {@code suspended} or {@code no_membership}: the account's place in the org's directory. */
    String membershipStatus = "active";
    /** {@code invited}, {@code synced} or null. */
    String managementSource = "invited";
    /** {@code scim} or {@code google} when an identity provider owns the account; null otherwise. */
    String externalDirectory;
    boolean forDeletion;
    Instant deletionRequestedAt;
    Instant deactivatedOn;
    Instant addedToOrg;
    boolean emailVerified = true;
    final Set<String> platformRoles = new LinkedHashSet<>();
    /** Org directory group ids. */
    final Set<String> orgGroupIds = new LinkedHashSet<>();
    /** Org directory groups held while suspended; restore brings them back. */
    final Set<String> suspendedGroupIds = new LinkedHashSet<>();
    /** Jira group ids. */
    final Set<String> jiraGroupIds = new LinkedHashSet<>();
    /** Confluence group ids. */
    final Set<String> confluenceGroupIds = new LinkedHashSet<>();
    /** Present in Jira's user base (a Jira user). */
    boolean inJira;
    /** Product key to last active date; absent = never used. */
    final Map<String, Instant> lastActive = new LinkedHashMap<>();
    /** SCIM resource id when provisioned by SCIM; null when SCIM does not know the account. */
    String scimId;
    String externalId;
    String title;
    String department;
    /** SCIM-only attributes (userName, name parts, ...); null until SCIM writes the account. */
    SimScimProfile scimProfile;

    SimAccount(String accountId) {
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    String domain() {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }

    boolean isClosed() {
        return "closed".equals(accountStatus);
    }

    boolean isActive() {
        return "active".equals(accountStatus);
    }

    /** The org API's composite status. */
    String orgStatus() {
        if (forDeletion) {
            return "for_deletion";
        }
        if (!"active".equals(accountStatus)) {
            return "deactivated";
        }
        if ("suspended".equals(membershipStatus)) {
            return "suspended";
        }
        if ("no_membership".equals(membershipStatus)) {
            return "not_invited";
        }
        return "active";
    }
}
