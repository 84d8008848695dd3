package io.github.atlassianlifecycle.lifecycle.plan;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;

/**
 * A delete in two phases. At once: everything a disable does (so the person loses access the moment the delete is
 * approved). After the grace period: the account itself is deleted where it is managed (user management, after
 * SCIM has unlinked it when an identity provider owns it), or removed from the organization's directory where it
 * cannot be deleted; and it is removed from Jira's user base.
 */
public class DeletePlanner {

    private final DisablePlanner disable;

    public DeletePlanner(DisablePlanner disable) {
        this.disable = disable;
    }

    public Plan plan(AccountFacts facts) {
        CallList calls = disable.deactivation(facts);
        String who = facts.name() + " <" + facts.email() + ">";
        switch (facts.managedBy()) {
            case ORGANIZATION -> {
                if (facts.lifecycleRestriction() != null) {
                    calls.note("User management refuses to delete this account (" + facts.lifecycleRestriction()
                            + "); it is removed from the organization's directory instead.");
                    removeFromDirectory(facts, calls, who);
                } else if (!facts.forDeletion()) {
                    calls.add(PlanStep.AFTER_GRACE, Operation.DELETE_ACCOUNT, who, "accountId", facts.accountId());
                }
            }
            case SCIM -> {
                calls.add(PlanStep.AFTER_GRACE, Operation.SCIM_DELETE, who + " (SCIM user " + facts.scimId() + ")",
                        "accountId", facts.accountId(), "scimId", facts.scimId());
                if (!facts.forDeletion()) {
                    calls.add(PlanStep.AFTER_GRACE, Operation.DELETE_ACCOUNT, who, "accountId", facts.accountId());
                }
                calls.note("Remove the person in the identity provider too, or its next sync may provision them again.");
            }
            case GOOGLE -> {
                calls.note("Google Workspace manages this account: delete it there; here it is removed from the "
                        + "organization's directory.");
                removeFromDirectory(facts, calls, who);
            }
            case UNMANAGED -> {
                calls.note("The organization does not manage this account, so it cannot delete it; it is removed "
                        + "from the organization's directory instead.");
                removeFromDirectory(facts, calls, who);
            }
        }
        if (facts.inJira()) {
            calls.add(PlanStep.AFTER_GRACE, Operation.REMOVE_FROM_JIRA, who + " from Jira's user base",
                    "accountId", facts.accountId());
        }
        return new Plan(LifecycleAction.DELETE, facts, calls.calls(), calls.notes());
    }

    private static void removeFromDirectory(AccountFacts facts, CallList calls, String who) {
        if (!"no_membership".equals(facts.membershipStatus())) {
            calls.add(PlanStep.AFTER_GRACE, Operation.REMOVE_FROM_DIRECTORY, who, "accountId", facts.accountId());
        }
    }
}
