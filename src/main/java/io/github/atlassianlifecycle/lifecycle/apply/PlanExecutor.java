package io.github.atlassianlifecycle.lifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.Invitation;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.scim.ScimUser;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult.Outcome;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/**
 * Makes a plan's calls for one step, in order, each idempotently: it reads first and acts only when Atlassian is
 * not yet in the planned state, so a step retried after a crash never changes anything twice.
 *
 * <p>Failures: a transient one ({@link AtlassianApiException#isTransient()}) propagates, so the engine retries the
 * whole step; so does an unavailable endpoint, which the engine turns into an incident at once; a business one
 * stops the step with a {@link PlanStepFailure} naming the call.
 */
public class PlanExecutor {

    private final OrganizationsClient organizations;
    private final UserManagementClient userManagement;
    private final Optional<ScimClient> scim;
    private final Optional<JiraClient> jira;
    private final Optional<ConfluenceClient> confluence;
    private final Optional<BitbucketClient> bitbucket;
    private final Clock clock;

    public PlanExecutor(OrganizationsClient organizations, UserManagementClient userManagement,
            Optional<ScimClient> scim, Optional<JiraClient> jira, Optional<ConfluenceClient> confluence, Clock clock) {
        this(organizations, userManagement, scim, jira, confluence, Optional.empty(), clock);
    }

    public PlanExecutor(OrganizationsClient organizations, UserManagementClient userManagement,
            Optional<ScimClient> scim, Optional<JiraClient> jira, Optional<ConfluenceClient> confluence,
            Optional<BitbucketClient> bitbucket, Clock clock) {
        this.organizations = organizations;
        this.userManagement = userManagement;
        this.scim = scim;
        this.jira = jira;
        this.confluence = confluence;
        this.bitbucket = bitbucket;
        this.clock = clock;
    }

    /**
     * @param skipped ids of calls an administrator chose to skip
     * @throws PlanStepFailure when Atlassian refuses a call
     * @throws AtlassianApiException when a call fails transiently or its endpoint is unavailable
     */
    public List<CallResult> apply(Plan plan, PlanStep step, Set<String> skipped) {
        List<CallResult> results = new ArrayList<>();
        for (PlannedCall call : plan.calls(step)) {
            if (skipped.contains(call.id())) {
                results.add(result(call, Outcome.SKIPPED));
                continue;
            }
            try {
                results.add(apply(call));
            } catch (LifecycleBusinessException failure) {
                throw new PlanStepFailure(call, results, failure);
            }
        }
        return results;
    }

    /**
     * Makes one call idempotently (read first, act only if needed): what a plan's step does for each of its calls,
     * and what a reusable operation ({@code lifecycle.operation}) does on its own.
     *
     * @throws LifecycleBusinessException when Atlassian refuses the call
     * @throws AtlassianApiException when the call fails transiently or its endpoint is unavailable
     */
    public CallResult apply(PlannedCall call) {
        try {
            return result(call, execute(call) ? Outcome.APPLIED : Outcome.ALREADY_DONE);
        } catch (AtlassianApiException failure) {
            if (!failure.isBusiness()) {
                throw failure;
            }
            throw LifecycleBusinessException.of(failure);
        }
    }

    /** @return whether the call changed anything */
    private boolean execute(PlannedCall call) {
        // A new instance per call: what an earlier call of the step changed must not be answered from memory.
        CallStates state = new CallStates(organizations, userManagement, scim, jira, confluence, bitbucket);
        return switch (call.operation()) {
            case DEACTIVATE -> change(state, call, () -> userManagement.disable(state.accountId(call), null));
            case REACTIVATE -> change(state, call, () -> userManagement.enable(state.accountId(call)));
            case DELETE_ACCOUNT -> change(state, call, () -> userManagement.delete(state.accountId(call)));
            case CANCEL_DELETION -> change(state, call, () -> userManagement.cancelDelete(state.accountId(call)));
            case SUSPEND -> change(state, call, () -> organizations.suspend(state.accountId(call)));
            case RESTORE -> change(state, call, () -> organizations.restore(state.accountId(call)));
            case REMOVE_FROM_DIRECTORY -> change(state, call,
                    () -> organizations.removeFromDirectory(state.accountId(call)));
            case INVITE -> change(state, call, () -> organizations.invite(Invitation.of(call.param("email"))));
            case ADD_ORG_GROUP -> organizations.addMembershipIfAbsent(call.param("groupId"), state.accountId(call));
            case REMOVE_ORG_GROUP -> {
                organizations.removeMembership(call.param("groupId"), state.accountId(call));
                yield true;
            }
            case SCIM_CREATE -> state.scim().findOrCreateUser(ScimUser.builder(call.param("email"))
                    .email(call.param("email")).displayName(call.param("displayName")).active(true).build()).created();
            case SCIM_DEACTIVATE -> state.scim().deactivate(call.param("scimId"));
            case SCIM_ACTIVATE -> state.scim().activate(call.param("scimId"));
            case SCIM_DELETE -> state.scim().deleteUserIfPresent(call.param("scimId"));
            case ADD_JIRA_GROUP -> state.jira().addToGroupIfAbsent(call.param("groupId"), state.accountId(call));
            case REMOVE_JIRA_GROUP -> state.jira().removeFromGroupIfPresent(call.param("groupId"), state.accountId(call));
            case REMOVE_FROM_JIRA -> state.jira().deleteUserIfPresent(state.accountId(call));
            case ADD_CONFLUENCE_GROUP -> change(state, call,
                    () -> state.confluence().addMember(call.param("groupId"), state.accountId(call)));
            case REMOVE_CONFLUENCE_GROUP -> change(state, call,
                    () -> state.confluence().removeMember(call.param("groupId"), state.accountId(call)));
            case ADD_BITBUCKET_GROUP -> change(state, call,
                    () -> state.bitbucket().addToGroups(call.param("userName"), List.of(call.param("group"))));
            case REMOVE_BITBUCKET_GROUP -> change(state, call,
                    () -> state.bitbucket().removeFromGroup(call.param("userName"), call.param("group")));
        };
    }

    /** Read first, act only when Atlassian is not yet as the call leaves it. */
    private static boolean change(CallStates state, PlannedCall call, Runnable action) {
        if (state.reached(call)) {
            return false;
        }
        action.run();
        return true;
    }

    private CallResult result(PlannedCall call, Outcome outcome) {
        return new CallResult(call.id(), call.operation(), call.target(), outcome, clock.instant());
    }
}
