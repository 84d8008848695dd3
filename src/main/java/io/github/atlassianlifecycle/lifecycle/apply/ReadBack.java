package io.github.atlassianlifecycle.lifecycle.apply;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/**
 * Verification after applying: reads back what the plan's calls changed, and nothing else (after a deactivation, the
 * account's status; after a suspension, the org user; after group changes, the product's groups, once for all of
 * them). Reading the whole account again would cost every read the plan made, to learn about things no call touched.
 */
public class ReadBack {

    /** A new one per verification: each read at most once, all of them after the calls were made. */
    private final Supplier<CallStates> states;

    public ReadBack(OrganizationsClient organizations, UserManagementClient userManagement, Optional<ScimClient> scim,
            Optional<JiraClient> jira, Optional<ConfluenceClient> confluence) {
        this.states = () -> new CallStates(organizations, userManagement, scim, jira, confluence);
    }

    /**
     * What verification found.
     *
     * @param left the calls of the plan whose change Atlassian does not show
     * @param finalState the account as read back: now in what the calls changed, as read to plan in the rest
     */
    public record Verified(List<PlannedCall> left, AccountFacts finalState) {
    }

    /**
     * @param steps the steps whose calls were applied
     * @param skipped ids of calls an administrator chose to skip: they are not looked for
     * @throws LifecycleBusinessException when Atlassian refuses a read
     * @throws AtlassianApiException when a read fails transiently or its endpoint is unavailable
     */
    public Verified verify(Plan plan, Set<PlanStep> steps, Set<String> skipped) {
        CallStates state = states.get();
        try {
            List<PlannedCall> left = plan.calls().stream().filter(call -> steps.contains(call.step()))
                    .filter(call -> !skipped.contains(call.id())).filter(call -> !state.reached(call)).toList();
            return new Verified(left, state.readBack(plan.account()));
        } catch (AtlassianApiException failure) {
            if (!failure.isBusiness()) {
                throw failure;
            }
            throw LifecycleBusinessException.of(failure);
        }
    }
}
