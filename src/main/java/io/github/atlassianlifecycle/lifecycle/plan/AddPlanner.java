package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver.ResolvedGroup;

/**
 * How to add a person: create the account (org invite, or SCIM when the organization provisions through its
 * identity provider), keyed by email so a repeated request never makes a second account; then add it to the
 * requested groups it is not yet in. An existing, active member only gets the missing groups.
 */
public class AddPlanner {

    private final LifecyclePolicy policy;

    public AddPlanner(LifecyclePolicy policy) {
        this.policy = policy;
    }

    public Plan plan(String email, String displayName, AccountFacts facts, List<ResolvedGroup> groups) {
        CallList calls = new CallList();
        String who = (displayName == null ? email : displayName) + " <" + email + ">";
        if (facts.exists() && (facts.isClosed() || facts.forDeletion())) {
            throw new LifecycleBusinessException(BusinessError.NOT_ELIGIBLE, "The account of " + email
                    + " is closed or scheduled for deletion; cancel the deletion (account-enable) or wait for it", null);
        }
        if (facts.exists() && !facts.isAccountActive()) {
            throw new LifecycleBusinessException(BusinessError.NOT_ELIGIBLE, "The account of " + email
                    + " exists but is deactivated; use account-enable to bring it back", null);
        }
        if (policy.provisioning() == LifecyclePolicy.Provisioning.SCIM) {
            if (facts.scimId() == null) {
                calls.add(PlanStep.ACCOUNT, Operation.SCIM_CREATE, who, "email", email, "displayName", displayName);
            }
        } else if (!facts.exists() || !facts.isOrgMember()) {
            calls.add(PlanStep.ACCOUNT, Operation.INVITE, who, "email", email, "displayName", displayName);
        }
        if (facts.exists()) {
            calls.note("An account already exists for " + email + " (" + facts.accountId() + "); it is reused.");
        }
        for (ResolvedGroup group : groups) {
            if (isMember(facts, group)) {
                continue;
            }
            Operation operation = switch (group.namespace()) {
                case ORGANIZATION -> Operation.ADD_ORG_GROUP;
                case JIRA -> Operation.ADD_JIRA_GROUP;
                case CONFLUENCE -> Operation.ADD_CONFLUENCE_GROUP;
            };
            calls.add(PlanStep.GROUPS, operation, who + " to " + group.namespace().label(group.name()),
                    "email", email, "accountId", facts.accountId(), "groupId", group.id(), "groupName", group.name());
            if (policy.isPrivileged(group.name())) {
                calls.note(group.namespace().label(group.name()) + " is privileged: a second approval is required.");
            }
        }
        return new Plan(LifecycleAction.ADD, facts, calls.calls(), calls.notes());
    }

    private static boolean isMember(AccountFacts facts, ResolvedGroup group) {
        List<GroupRef> current = switch (group.namespace()) {
            case ORGANIZATION -> facts.orgGroups();
            case JIRA -> facts.jiraGroups();
            case CONFLUENCE -> facts.confluenceGroups();
        };
        Set<String> ids = current.stream().map(GroupRef::id).collect(Collectors.toSet());
        return ids.contains(group.id());
    }
}
