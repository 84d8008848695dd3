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
 * Then, per policy, it frees the Jira and Confluence seats the account's product groups hold. An account already out
 * of use in the organization (nothing left to deactivate or suspend) that still holds product groups has only those
 * left to take away, so its disable releases them whatever the policy, and says so (a reconciliation's
 * {@code LICENCE_WASTE} finding is approved as such a disable). Only what is not yet done is planned, so the plan of
 * a disabled account is empty: that is how a disable is verified.
 */
public class DisablePlanner {

    private final LifecyclePolicy policy;

    public DisablePlanner(LifecyclePolicy policy) {
        this.policy = policy;
    }

    /** The first plan of a disable: from live state alone. */
    public Plan plan(AccountFacts facts) {
        return plan(facts, null);
    }

    /**
     * @param approved the plan approvers approved, when planning again (the drift check, the verification); null for
     *        a first plan. Whether the product groups of an account out of use are released is the approved plan's
     *        choice: once a disable has deactivated an account, planning again must not ask for releases nobody
     *        approved, and a release that was approved goes on being planned until done.
     */
    public Plan plan(AccountFacts facts, Plan approved) {
        CallList calls = deactivation(facts);
        if (!releasesSeats(facts.managedBy())) {
            boolean release = approved != null ? releasesGroups(approved)
                    : calls.calls().stream().noneMatch(call -> call.step() == PlanStep.ACCOUNT);
            if (release && !(facts.jiraGroups().isEmpty() && facts.confluenceGroups().isEmpty())) {
                calls.note("The account is already out of use in the organization but still holds product groups: "
                        + "this disable releases them (freeing their seats) and changes nothing else.");
                releaseGroups(facts, calls);
            }
        }
        return new Plan(LifecycleAction.DISABLE, facts, calls.calls(), calls.notes());
    }

    private static boolean releasesGroups(Plan plan) {
        return plan.calls().stream().anyMatch(call -> call.operation() == Operation.REMOVE_JIRA_GROUP
                || call.operation() == Operation.REMOVE_CONFLUENCE_GROUP);
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
            releaseGroups(facts, calls);
        }
        return calls;
    }

    private static void releaseGroups(AccountFacts facts, CallList calls) {
        String who = facts.name() + " <" + facts.email() + ">";
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
