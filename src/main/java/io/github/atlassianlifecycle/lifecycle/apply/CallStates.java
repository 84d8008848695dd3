package io.github.atlassianlifecycle.lifecycle.apply;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrgUser;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.organizations.UserSearch;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.scim.ScimUser;
import io.github.atlassianlifecycle.client.usermanagement.ManagedAccountProfile;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/**
 * Whether Atlassian is already in the state a planned call leads to, each answered by the one read that shows it
 * (the account's status for a deactivation, the org user for a suspension, the product's groups for a group
 * change). The executor asks before it acts, so a retried call changes nothing twice; verification asks after, so
 * it reads back what the request changed and nothing else. Each read is made at most once per instance: one
 * instance serves one question about one moment (the executor takes a new one per call, verification one for all).
 * What was read is kept, so {@link #readBack} can tell the account's final state.
 */
final class CallStates {

    private final OrganizationsClient organizations;
    private final UserManagementClient userManagement;
    private final Optional<ScimClient> scim;
    private final Optional<JiraClient> jira;
    private final Optional<ConfluenceClient> confluence;
    private final Optional<BitbucketClient> bitbucket;

    private String accountId;
    private ManagedAccountProfile profile;
    private Optional<OrgUser> orgUser;
    private Optional<OrgUser> orgUserWithGroups;
    private Optional<OrgUser> byEmail;
    private Optional<ScimUser> scimUser;
    private Boolean inJira;
    private List<GroupRef> jiraGroups;
    private List<GroupRef> confluenceGroups;

    CallStates(OrganizationsClient organizations, UserManagementClient userManagement, Optional<ScimClient> scim,
            Optional<JiraClient> jira, Optional<ConfluenceClient> confluence) {
        this(organizations, userManagement, scim, jira, confluence, Optional.empty());
    }

    CallStates(OrganizationsClient organizations, UserManagementClient userManagement, Optional<ScimClient> scim,
            Optional<JiraClient> jira, Optional<ConfluenceClient> confluence, Optional<BitbucketClient> bitbucket) {
        this.organizations = organizations;
        this.userManagement = userManagement;
        this.scim = scim;
        this.jira = jira;
        this.confluence = confluence;
        this.bitbucket = bitbucket;
    }

    /** Is Atlassian already as {@code call} leaves it? */
    boolean reached(PlannedCall call) {
        return switch (call.operation()) {
            case DEACTIVATE -> !profile(call).isActive();
            case REACTIVATE -> profile(call).isActive();
            case DELETE_ACCOUNT -> orgUser(call).map(u -> u.isScheduledForDeletion() || "closed".equals(u.accountStatus()))
                    .orElse(true);
            case CANCEL_DELETION -> orgUser(call).map(u -> !u.isScheduledForDeletion()).orElse(true);
            case SUSPEND -> orgUser(call).map(u -> u.isSuspended() || u.hasNoMembership()).orElse(true);
            case RESTORE -> orgUser(call).map(u -> !u.isSuspended()).orElse(true);
            case REMOVE_FROM_DIRECTORY -> orgUser(call).map(OrgUser::hasNoMembership).orElse(true);
            case INVITE -> byEmail(call.param("email")).map(u -> !u.hasNoMembership()).orElse(false);
            case ADD_ORG_GROUP -> orgGroupIds(call).contains(call.param("groupId"));
            case REMOVE_ORG_GROUP -> !orgGroupIds(call).contains(call.param("groupId"));
            case SCIM_CREATE -> scimUserByName(call.param("email")).isPresent();
            case SCIM_DEACTIVATE -> scimUser(call.param("scimId")).map(ScimUser::isDeactivated).orElse(false);
            case SCIM_ACTIVATE -> scimUser(call.param("scimId")).map(u -> !u.isDeactivated()).orElse(false);
            case SCIM_DELETE -> scimUser(call.param("scimId")).isEmpty();
            case ADD_JIRA_GROUP -> ids(jiraGroups(call)).contains(call.param("groupId"));
            case REMOVE_JIRA_GROUP -> !ids(jiraGroups(call)).contains(call.param("groupId"));
            case REMOVE_FROM_JIRA -> !inJira(call);
            case ADD_CONFLUENCE_GROUP -> ids(confluenceGroups(call)).contains(call.param("groupId"));
            case REMOVE_CONFLUENCE_GROUP -> !ids(confluenceGroups(call)).contains(call.param("groupId"));
            // Bitbucket Data Center keeps its own users by name: the group's member list is the one read.
            case ADD_BITBUCKET_GROUP -> bitbucket().isMember(call.param("userName"), call.param("group"));
            case REMOVE_BITBUCKET_GROUP -> !bitbucket().isMember(call.param("userName"), call.param("group"));
        };
    }

    /**
     * {@code before} (the reading the plan was made from) with what this instance read since: the account as it is
     * now in every respect the request touched, and as it was read to plan in the others, which it did not touch.
     */
    AccountFacts readBack(AccountFacts before) {
        AccountFacts facts = before;
        Optional<OrgUser> user = orgUserWithGroups != null ? orgUserWithGroups : orgUser != null ? orgUser : byEmail;
        if (user != null && user.isPresent()) {
            OrgUser read = user.get();
            facts = facts.withAccount(read.accountId(), read.email(), read.name())
                    .withStatus(read.accountStatus(), read.membershipStatus(), read.isScheduledForDeletion());
        }
        if (orgUserWithGroups != null && orgUserWithGroups.isPresent()) {
            facts = facts.withOrgGroups(orgGroups(orgUserWithGroups.get()));
        }
        if (scimUser != null && scimUser.isPresent()) {
            // An identity provider's user switched off through SCIM is a deactivated Atlassian account.
            facts = facts.withStatus(scimUser.get().isDeactivated() ? "inactive" : "active", facts.membershipStatus(),
                    facts.forDeletion());
        }
        if (profile != null) {
            facts = facts.withStatus(profile.accountStatus(), facts.membershipStatus(), facts.forDeletion());
        }
        if (inJira != null || jiraGroups != null) {
            facts = facts.withJira(inJira != null ? inJira : facts.inJira(),
                    jiraGroups != null ? jiraGroups : facts.jiraGroups());
        }
        if (confluenceGroups != null) {
            facts = facts.withConfluenceGroups(confluenceGroups);
        }
        return facts;
    }

    // ------------------------------------------------------------------ the reads, each at most once

    /** The account a call is about; for a new person, found by email once the account exists. */
    String accountId(PlannedCall call) {
        if (call.param("accountId") != null) {
            return call.param("accountId");
        }
        if (accountId == null) {
            accountId = byEmail(call.param("email")).map(OrgUser::accountId)
                    .orElseThrow(() -> new LifecycleBusinessException(BusinessError.ACCOUNT_NOT_FOUND,
                            "No account has the email " + call.param("email") + " yet", null));
        }
        return accountId;
    }

    private ManagedAccountProfile profile(PlannedCall call) {
        if (profile == null) {
            profile = userManagement.profile(accountId(call));
        }
        return profile;
    }

    private Optional<OrgUser> orgUser(PlannedCall call) {
        if (orgUser == null) {
            orgUser = unlessNotFound(() -> organizations.user(accountId(call)));
        }
        return orgUser;
    }

    private List<String> orgGroupIds(PlannedCall call) {
        if (orgUserWithGroups == null) {
            String id = accountId(call);
            orgUserWithGroups = organizations.searchUsers(UserSearch.byAccountIds(id)
                    .withExpand(UserSearch.Expand.GROUPS)).data().stream().findFirst();
        }
        return orgUserWithGroups.map(CallStates::orgGroups).map(CallStates::ids).orElse(List.of());
    }

    private Optional<OrgUser> byEmail(String email) {
        if (byEmail == null) {
            byEmail = organizations.findByEmail(email);
        }
        return byEmail;
    }

    private Optional<ScimUser> scimUser(String scimId) {
        if (scimUser == null) {
            scimUser = unlessNotFound(() -> scim().getUser(scimId));
        }
        return scimUser;
    }

    private Optional<ScimUser> scimUserByName(String userName) {
        if (scimUser == null) {
            scimUser = scim().findUserByUserName(userName);
        }
        return scimUser;
    }

    private boolean inJira(PlannedCall call) {
        if (inJira == null) {
            inJira = jira().findUser(accountId(call)).isPresent();
        }
        return inJira;
    }

    private List<GroupRef> jiraGroups(PlannedCall call) {
        if (jiraGroups == null) {
            // A user Jira does not know (its documented not-found) is in no group.
            jiraGroups = unlessNotFound(() -> jira().userGroups(accountId(call))).orElse(List.of()).stream()
                    .map(g -> new GroupRef(g.groupId(), g.name())).toList();
        }
        return jiraGroups;
    }

    private List<GroupRef> confluenceGroups(PlannedCall call) {
        if (confluenceGroups == null) {
            confluenceGroups = confluence().allGroupsOf(accountId(call)).stream()
                    .map(g -> new GroupRef(g.id(), g.name())).toList();
        }
        return confluenceGroups;
    }

    private static List<GroupRef> orgGroups(OrgUser user) {
        return user.groups() == null ? List.of() : user.groups().stream().map(g -> new GroupRef(g.id(), g.name())).toList();
    }

    private static List<String> ids(List<GroupRef> groups) {
        return groups.stream().map(GroupRef::id).toList();
    }

    private static <T> Optional<T> unlessNotFound(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    ScimClient scim() {
        return scim.orElseThrow(() -> notConfigured("SCIM (atlassian.scim-api-key)"));
    }

    JiraClient jira() {
        return jira.orElseThrow(() -> notConfigured("Jira (atlassian.site-url)"));
    }

    ConfluenceClient confluence() {
        return confluence.orElseThrow(() -> notConfigured("Confluence (atlassian.site-url)"));
    }

    BitbucketClient bitbucket() {
        return bitbucket.orElseThrow(() -> notConfigured("Bitbucket (atlassian.bitbucket-url)"));
    }

    private static LifecycleBusinessException notConfigured(String what) {
        return new LifecycleBusinessException(BusinessError.NOT_AUTHORIZED, what + " is not configured", null);
    }
}
