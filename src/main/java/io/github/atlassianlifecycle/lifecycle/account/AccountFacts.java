package io.github.atlassianlifecycle.lifecycle.account;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What Atlassian says about one account right now, across the organization, SCIM and the products: everything a
 * plan is computed from. {@code exists} is false when no account has the email (an ADD of a new person).
 *
 * @param lifecycleRestriction why user management may not disable or enable the account (a restriction reason key
 *        such as {@code externalDirectory.scim}), or null when it may
 * @param scimId the SCIM user id when an identity provider provisions the account and SCIM is configured
 */
public record AccountFacts(
        boolean exists,
        String accountId,
        String email,
        String name,
        ManagedBy managedBy,
        String accountStatus,
        String membershipStatus,
        boolean forDeletion,
        String lifecycleRestriction,
        String scimId,
        List<GroupRef> orgGroups,
        boolean inJira,
        List<GroupRef> jiraGroups,
        List<GroupRef> confluenceGroups) {

    public AccountFacts {
        orgGroups = orgGroups == null ? List.of() : List.copyOf(orgGroups);
        jiraGroups = jiraGroups == null ? List.of() : List.copyOf(jiraGroups);
        confluenceGroups = confluenceGroups == null ? List.of() : List.copyOf(confluenceGroups);
    }

    /** No account has this email yet. */
    public static AccountFacts absent(String email) {
        return new AccountFacts(false, null, email, null, null, null, null, false, null, null, List.of(), false,
                List.of(), List.of());
    }

    @JsonIgnore
    public boolean isAccountActive() {
        return "active".equals(accountStatus);
    }

    @JsonIgnore
    public boolean isClosed() {
        return "closed".equals(accountStatus);
    }

    @JsonIgnore
    public boolean isSuspended() {
        return "suspended".equals(membershipStatus);
    }

    @JsonIgnore
    public boolean isOrgMember() {
        return "active".equals(membershipStatus) || "suspended".equals(membershipStatus);
    }

    /** Usable: account active, org membership active, not scheduled for deletion. */
    @JsonIgnore
    public boolean isUsable() {
        return isAccountActive() && "active".equals(membershipStatus) && !forDeletion;
    }

    @JsonIgnore
    public boolean userManagementAllowed() {
        return managedBy == ManagedBy.ORGANIZATION && lifecycleRestriction == null;
    }

    /** These facts with the account's identity as read again (a new person's, once invited). */
    public AccountFacts withAccount(String newAccountId, String newEmail, String newName) {
        return new AccountFacts(true, newAccountId, newEmail, newName, managedBy, accountStatus, membershipStatus,
                forDeletion, lifecycleRestriction, scimId, orgGroups, inJira, jiraGroups, confluenceGroups);
    }

    /** These facts with the account's status as read again. */
    public AccountFacts withStatus(String newAccountStatus, String newMembershipStatus, boolean newForDeletion) {
        return new AccountFacts(exists, accountId, email, name, managedBy, newAccountStatus, newMembershipStatus,
                newForDeletion, lifecycleRestriction, scimId, orgGroups, inJira, jiraGroups, confluenceGroups);
    }

    /** These facts with the org groups as read again. */
    public AccountFacts withOrgGroups(List<GroupRef> groups) {
        return new AccountFacts(exists, accountId, email, name, managedBy, accountStatus, membershipStatus,
                forDeletion, lifecycleRestriction, scimId, groups, inJira, jiraGroups, confluenceGroups);
    }

    /** These facts with Jira's view as read again. */
    public AccountFacts withJira(boolean nowInJira, List<GroupRef> groups) {
        return new AccountFacts(exists, accountId, email, name, managedBy, accountStatus, membershipStatus,
                forDeletion, lifecycleRestriction, scimId, orgGroups, nowInJira, groups, confluenceGroups);
    }

    /** These facts with the Confluence groups as read again. */
    public AccountFacts withConfluenceGroups(List<GroupRef> groups) {
        return new AccountFacts(exists, accountId, email, name, managedBy, accountStatus, membershipStatus,
                forDeletion, lifecycleRestriction, scimId, orgGroups, inJira, jiraGroups, groups);
    }
}
