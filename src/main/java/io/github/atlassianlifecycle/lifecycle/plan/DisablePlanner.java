package io.github.atlassianlifecycle.lifecycle.plan;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.account.ManagedBy;

/**
 * How to disable an account, from who manages it:
 * <ul>
 *   <li>the organization, and user management allows it: deactivate (blocks every Atlassian product);</li>
 *   <li>an identity provider through SCIM: {@code active=false} through SCIM, because an org-level change would be
 *   undone by the next sync;</li>
 *   <li>Google, unmanaged accounts, or user management refusing: suspend the org membership.</li>
 * </ul>
 * Then, per policy, it frees the Jira and Confluence seats the account's product groups hold. Only what is not yet
 * done is planned, so the plan of a disabled account is empty: that is how a disable is verified.
 */
public class DisablePlanner {

    private final LifecyclePolicy policy;

    public DisablePlanner(LifecyclePolicy policy) {
        this.policy = policy;
    }

    public Plan plan(AccountFacts facts) {
        CallList calls = deactivation(facts);
        return new Plan(LifecycleAction.DISABLE, facts, calls.calls(), calls.notes());
    }

    /** The calls that take an account out of use; {@code account-delete} starts with them too. */
    CallList deactivation(AccountFacts facts) {
        requireOpen(facts);
        CallList calls = new CallList();
        String who = facts.name() + " <" + facts.email() + ">";
        switch (facts.managedBy()) {
            case ORGANIZATION -> {
                if (facts.lifecycleRestriction() != null) {
                    calls.note("User management refuses to deactivate this account (" + facts.lifecycleRestriction()
                            + "); its organization access is suspended instead.");
                    suspend(facts, calls, who);
                } else if (facts.isAccountActive()) {
                    calls.add(PlanStep.ACCOUNT, Operation.DEACTIVATE, who, "accountId", facts.accountId());
                } else {
                    calls.note("The account is already deactivated.");
                }
            }
            case SCIM -> {
                if (facts.scimId() == null) {
                    throw new LifecycleBusinessException(BusinessError.MANAGED_BY_IDENTITY_PROVIDER,
                            "An identity provider manages " + who + " through SCIM, but SCIM "
                                    + "(atlassian.scim-api-key) is not configured or does not know the account: "
                                    + "deactivate it in the identity provider", null);
                }
                if (facts.isAccountActive()) {
                    calls.add(PlanStep.ACCOUNT, Operation.SCIM_DEACTIVATE, who + " (SCIM user " + facts.scimId() + ")",
                            "accountId", facts.accountId(), "scimId", facts.scimId());
                } else {
                    calls.note("The account is already deactivated.");
                }
            }
            case GOOGLE, UNMANAGED -> {
                calls.note("User management cannot deactivate this account (" + facts.managedBy().description()
                        + "); its organization access is suspended instead.");
                suspend(facts, calls, who);
            }
        }
        if (releasesSeats(facts.managedBy())) {
            for (GroupRef group : facts.jiraGroups()) {
                calls.add(PlanStep.GROUPS, Operation.REMOVE_JIRA_GROUP, who + " from Jira group " + group.name(),
                        "accountId", facts.accountId(), "groupId", group.id(), "groupName", group.name());
            }
            for (GroupRef group : facts.confluenceGroups()) {
                calls.add(PlanStep.GROUPS, Operation.REMOVE_CONFLUENCE_GROUP,
                        who + " from Confluence group " + group.name(),
                        "accountId", facts.accountId(), "groupId", group.id(), "groupName", group.name());
            }
        }
        return calls;
    }

    private boolean releasesSeats(ManagedBy managedBy) {
        return switch (policy.releaseProductGroups()) {
            case ALWAYS -> true;
            case SCIM_ONLY -> managedBy == ManagedBy.SCIM;
            case NEVER -> false;
        };
    }

    private static void suspend(AccountFacts facts, CallList calls, String who) {
        if ("active".equals(facts.membershipStatus())) {
            calls.add(PlanStep.ACCOUNT, Operation.SUSPEND, who, "accountId", facts.accountId());
        } else {
            calls.note("The organization membership is already " + facts.membershipStatus() + ".");
        }
    }

    static void requireOpen(AccountFacts facts) {
        if (!facts.exists() || facts.isClosed()) {
            throw new LifecycleBusinessException(BusinessError.ACCOUNT_NOT_FOUND,
                    "No open account " + (facts.accountId() != null ? facts.accountId() : facts.email()), null);
        }
    }
}
