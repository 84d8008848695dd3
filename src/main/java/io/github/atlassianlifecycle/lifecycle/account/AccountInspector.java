package io.github.atlassianlifecycle.lifecycle.account;

import java.util.List;
import java.util.Optional;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.jira.JiraUser;
import io.github.atlassianlifecycle.client.organizations.OrgUser;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.organizations.UserSearch;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.scim.ScimUser;
import io.github.atlassianlifecycle.client.usermanagement.LifecyclePrivilege;
import io.github.atlassianlifecycle.client.usermanagement.PrivilegeCheck;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;

/**
 * Reads an account's live state from every configured API into {@link AccountFacts}. Reads only; a plan is computed
 * from what it returns. Products that are not configured (no site, no SCIM key) are simply not looked at.
 */
public class AccountInspector {

    private final OrganizationsClient organizations;
    private final UserManagementClient userManagement;
    private final Optional<ScimClient> scim;
    private final Optional<JiraClient> jira;
    private final Optional<ConfluenceClient> confluence;

    public AccountInspector(OrganizationsClient organizations, UserManagementClient userManagement,
            Optional<ScimClient> scim, Optional<JiraClient> jira, Optional<ConfluenceClient> confluence) {
        this.organizations = organizations;
        this.userManagement = userManagement;
        this.scim = scim;
        this.jira = jira;
        this.confluence = confluence;
    }

    public boolean scimConfigured() {
        return scim.isPresent();
    }

    public boolean siteConfigured() {
        return jira.isPresent() || confluence.isPresent();
    }

    /**
     * The account with this id.
     *
     * @param knownScimId the SCIM id from an earlier snapshot: SCIM hides deactivated users from its filters, so
     *        a disabled account can only be found again by id
     * @throws LifecycleBusinessException ACCOUNT_NOT_FOUND when the organization does not know the account
     */
    public AccountFacts byAccountId(String accountId, String knownScimId) {
        OrgUser user = guarded(() -> organizations.searchUsers(UserSearch.byAccountIds(accountId)
                .withExpand(UserSearch.Expand.GROUPS)).data().stream().findFirst().orElse(null));
        if (user == null) {
            throw new LifecycleBusinessException(BusinessError.ACCOUNT_NOT_FOUND,
                    "The organization has no account " + accountId, null);
        }
        return facts(user, knownScimId);
    }

    /** The account with this email, or {@link AccountFacts#absent} when there is none. */
    public AccountFacts byEmail(String email, String knownScimId) {
        Optional<OrgUser> found = guarded(() -> organizations.findByEmail(email));
        if (found.isEmpty()) {
            return AccountFacts.absent(email);
        }
        return byAccountId(found.get().accountId(), knownScimId);
    }

    private AccountFacts facts(OrgUser user, String knownScimId) {
        ManagedBy managedBy = ManagedBy.UNMANAGED;
        String restriction = null;
        if (user.isManaged()) {
            PrivilegeCheck check = guarded(() -> userManagement.privileges(user.accountId(), LifecyclePrivilege.ENABLEMENT));
            restriction = check.allowed(LifecyclePrivilege.ENABLEMENT) ? null : check.reason(LifecyclePrivilege.ENABLEMENT);
            managedBy = managedBy(restriction);
        }
        String scimId = managedBy == ManagedBy.SCIM ? scimId(user, knownScimId) : null;
        List<GroupRef> orgGroups = user.groups() == null ? List.of()
                : user.groups().stream().map(g -> new GroupRef(g.id(), g.name())).toList();
        Optional<JiraUser> jiraUser = jira.flatMap(client -> guarded(() -> client.findUser(user.accountId())));
        List<GroupRef> jiraGroups = jiraUser.isEmpty() ? List.of()
                : guarded(() -> jira.get().userGroups(user.accountId())).stream()
                        .map(g -> new GroupRef(g.groupId(), g.name())).toList();
        List<GroupRef> confluenceGroups = confluence.isEmpty() || "closed".equals(user.accountStatus()) ? List.of()
                : guarded(() -> confluence.get().allGroupsOf(user.accountId())).stream()
                        .map(g -> new GroupRef(g.id(), g.name())).toList();
        return new AccountFacts(true, user.accountId(), user.email(), user.name(), managedBy, user.accountStatus(),
                user.membershipStatus(), user.isScheduledForDeletion(), restriction, scimId, orgGroups,
                jiraUser.isPresent(), jiraGroups, confluenceGroups);
    }

    private static ManagedBy managedBy(String restriction) {
        if (restriction == null) {
            return ManagedBy.ORGANIZATION;
        }
        return switch (restriction) {
            case "externalDirectory.scim" -> ManagedBy.SCIM;
            case "externalDirectory.google" -> ManagedBy.GOOGLE;
            default -> ManagedBy.ORGANIZATION; // restricted for another reason (an admin, say): the planner says so
        };
    }

    private String scimId(OrgUser user, String knownScimId) {
        if (scim.isEmpty()) {
            return null;
        }
        ScimClient client = scim.get();
        if (knownScimId != null) {
            try {
                // Only whether the id still lives matters here: ask for the one attribute the fallback keys on.
                return client.getUser(knownScimId, List.of("userName")).id();
            } catch (AtlassianApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
        return guarded(() -> client.findUserByUserName(user.email())).map(ScimUser::id).orElse(null);
    }

    /**
     * Reads Atlassian refuses are business errors of the plan; transient failures propagate to be retried, and an
     * unavailable endpoint to become an incident.
     */
    private static <T> T guarded(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (AtlassianApiException e) {
            if (!e.isBusiness()) {
                throw e;
            }
            throw LifecycleBusinessException.of(e);
        }
    }
}
