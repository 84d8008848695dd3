package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;

/**
 * How to bring an account back: cancel a scheduled deletion (which also reactivates), reactivate it where it was
 * deactivated (user management or SCIM), restore a suspended org membership, then give back exactly the groups the
 * disable snapshot recorded, and no others. Like every planner, it plans only what is not already so.
 */
public class EnablePlanner {

    public Plan plan(AccountFacts facts, Optional<AccountSnapshot> snapshot) {
        DisablePlanner.requireOpen(facts);
        CallList calls = new CallList();
        String who = facts.name() + " <" + facts.email() + ">";
        if ("no_membership".equals(facts.membershipStatus())) {
            throw new LifecycleBusinessException(BusinessError.NOT_ELIGIBLE, who + " was removed from the "
                    + "organization's directory; only a new invitation (account-add) brings the account back", null);
        }
        if (facts.forDeletion()) {
            calls.add(PlanStep.ACCOUNT, Operation.CANCEL_DELETION, who, "accountId", facts.accountId());
        } else if (!facts.isAccountActive()) {
            reactivate(facts, snapshot, calls, who);
        }
        if (facts.isSuspended()) {
            calls.add(PlanStep.ACCOUNT, Operation.RESTORE, who, "accountId", facts.accountId());
        }
        if (snapshot.isEmpty()) {
            calls.note("No disable snapshot was found for this account: its groups are left as they are.");
        } else {
            restoreGroups(facts, snapshot.get(), calls, who);
        }
        return new Plan(LifecycleAction.ENABLE, facts, calls.calls(), calls.notes());
    }

    private static void reactivate(AccountFacts facts, Optional<AccountSnapshot> snapshot, CallList calls, String who) {
        if (facts.managedBy() == ManagedBy.SCIM) {
            if (facts.scimId() == null) {
                throw new LifecycleBusinessException(BusinessError.MANAGED_BY_IDENTITY_PROVIDER, "An identity "
                        + "provider manages " + who + " and SCIM does not know its id (SCIM hides deactivated users): "
                        + "reactivate it in the identity provider", null);
            }
            calls.add(PlanStep.ACCOUNT, Operation.SCIM_ACTIVATE, who + " (SCIM user " + facts.scimId() + ")",
                    "accountId", facts.accountId(), "scimId", facts.scimId());
        } else if (facts.managedBy() == ManagedBy.ORGANIZATION && facts.lifecycleRestriction() == null) {
            calls.add(PlanStep.ACCOUNT, Operation.REACTIVATE, who, "accountId", facts.accountId());
        } else {
            throw new LifecycleBusinessException(BusinessError.MANAGED_BY_IDENTITY_PROVIDER, who + " is deactivated"
                    + " and managed by " + facts.managedBy().description() + ": reactivate it there", null);
        }
    }

    private static void restoreGroups(AccountFacts facts, AccountSnapshot snapshot, CallList calls, String who) {
        for (GroupRef group : missing(snapshot.orgGroups(), facts.orgGroups())) {
            calls.add(PlanStep.GROUPS, Operation.ADD_ORG_GROUP, who + " to group " + group.name(),
                    "accountId", facts.accountId(), "groupId", group.id(), "groupName", group.name());
        }
        for (GroupRef group : missing(snapshot.jiraGroups(), facts.jiraGroups())) {
            calls.add(PlanStep.GROUPS, Operation.ADD_JIRA_GROUP, who + " to Jira group " + group.name(),
                    "accountId", facts.accountId(), "groupId", group.id(), "groupName", group.name());
        }
        for (GroupRef group : missing(snapshot.confluenceGroups(), facts.confluenceGroups())) {
            calls.add(PlanStep.GROUPS, Operation.ADD_CONFLUENCE_GROUP, who + " to Confluence group " + group.name(),
                    "accountId", facts.accountId(), "groupId", group.id(), "groupName", group.name());
        }
    }

    private static List<GroupRef> missing(List<GroupRef> wanted, List<GroupRef> now) {
        Set<String> present = now.stream().map(GroupRef::id).collect(Collectors.toSet());
        return wanted.stream().filter(group -> !present.contains(group.id())).toList();
    }
}
