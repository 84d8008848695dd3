package io.github.atlassianlifecycle.simulator.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One Atlassian account as the simulator keeps it, across the organization, its directory and the products.
 * Mutable, and only touched while holding the {@link SimulatorState} lock. Its fields are public because every
 * simulated API reads and changes the same account from its own package; it is the simulator's in-memory record,
 * not an API of the plugin.
 */
public final class Account {

    public final String accountId;
    public String email;
    public String name;
    public String nickname;
    public String accountType = "atlassian";
    /** The email's domain is verified and claimed by the organization: user management may change the account. */
    public boolean managed;
    /** {@code active}, {@code inactive} or {@code closed}: the Atlassian account itself. */
    public String accountStatus = "active";
    /** {@code active}, {@code suspended} or {@code no_membership}: the account's place in the org's directory. */
    public String membershipStatus = "active";
    /** {@code invited}, {@code synced} or null. */
    public String managementSource = "invited";
    /** {@code scim} or {@code google} when an identity provider owns the account; null otherwise. */
    public String externalDirectory;
    public boolean forDeletion;
    public Instant deletionRequestedAt;
    public Instant deactivatedOn;
    public Instant addedToOrg;
    public boolean emailVerified = true;
    public final Set<String> platformRoles = new LinkedHashSet<>();
    /** Org directory group ids. */
    public final Set<String> orgGroupIds = new LinkedHashSet<>();
    /** Org directory groups held while suspended; restore brings them back. */
    public final Set<String> suspendedGroupIds = new LinkedHashSet<>();
    /** Jira group ids. */
    public final Set<String> jiraGroupIds = new LinkedHashSet<>();
    /** Confluence group ids. */
    public final Set<String> confluenceGroupIds = new LinkedHashSet<>();
    /** Present in Jira's user base (a Jira user). */
    public boolean inJira;
    /** Product key to last active date; absent = never used. */
    public final Map<String, Instant> lastActive = new LinkedHashMap<>();
    /** SCIM resource id when provisioned by SCIM; null when SCIM does not know the account. */
    public String scimId;
    public String externalId;
    public String title;
    public String department;
    /** SCIM-only attributes (userName, name parts, ...); null until SCIM writes the account. */
    public ScimProfile scimProfile;
    /** The account's API tokens (user management's {@code ./manage/api-tokens}); revoking one removes it. */
    public final List<SimulatedApiToken> apiTokens = new ArrayList<>();

    public Account(String accountId) {
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public String domain() {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }

    public boolean isClosed() {
        return "closed".equals(accountStatus);
    }

    public boolean isActive() {
        return "active".equals(accountStatus);
    }

    /** The org API's composite status. */
    public String orgStatus() {
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
