package io.github.atlassianlifecycle.lifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.Invitation;
import io.github.atlassianlifecycle.client.organizations.OrgUser;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.scim.ScimUser;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
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
    private final Clock clock;

    public PlanExecutor(OrganizationsClient organizations, UserManagementClient userManagement,
            Optional<ScimClient> scim, Optional<JiraClient> jira, Optional<ConfluenceClient> confluence, Clock clock) {
        this.organizations = organizations;
        this.userManagement = userManagement;
        this.scim = scim;
        this.jira = jira;
        this.confluence = confluence;
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
                results.add(result(call, execute(call) ? Outcome.APPLIED : Outcome.ALREADY_DONE));
            } catch (AtlassianApiException failure) {
                if (!failure.isBusiness()) {
                    throw failure;
                }
                throw new PlanStepFailure(call, results, LifecycleBusinessException.of(failure));
            } catch (LifecycleBusinessException failure) {
                throw new PlanStepFailure(call, results, failure);
            }
        }
        return results;
    }

    /** @return whether the call changed anything */
    private boolean execute(PlannedCall call) {
        return switch (call.operation()) {
            case DEACTIVATE -> change(() -> userManagement.profile(accountId(call)).isActive(),
                    () -> userManagement.disable(accountId(call), null));
            case REACTIVATE -> change(() -> !userManagement.profile(accountId(call)).isActive(),
                    () -> userManagement.enable(accountId(call)));
            case DELETE_ACCOUNT -> change(() -> orgUser(call).map(u -> !u.isScheduledForDeletion()
                    && !"closed".equals(u.accountStatus())).orElse(false), () -> userManagement.delete(accountId(call)));
            case CANCEL_DELETION -> change(() -> orgUser(call).map(OrgUser::isScheduledForDeletion).orElse(false),
                    () -> userManagement.cancelDelete(accountId(call)));
            case SUSPEND -> change(() -> orgUser(call).map(u -> !u.isSuspended() && !u.hasNoMembership()).orElse(false),
                    () -> organizations.suspend(accountId(call)));
            case RESTORE -> change(() -> orgUser(call).map(OrgUser::isSuspended).orElse(false),
                    () -> organizations.restore(accountId(call)));
            case REMOVE_FROM_DIRECTORY -> change(() -> orgUser(call).map(u -> !u.hasNoMembership()).orElse(false),
                    () -> organizations.removeFromDirectory(accountId(call)));
            case INVITE -> change(() -> organizations.findByEmail(call.param("email"))
                    .map(OrgUser::hasNoMembership).orElse(true),
                    () -> organizations.invite(Invitation.of(call.param("email"))));
            case ADD_ORG_GROUP -> organizations.addMembershipIfAbsent(call.param("groupId"), accountId(call));
            case REMOVE_ORG_GROUP -> {
                organizations.removeMembership(call.param("groupId"), accountId(call));
                yield true;
            }
            case SCIM_CREATE -> scim().findOrCreateUser(ScimUser.builder(call.param("email"))
                    .email(call.param("email")).displayName(call.param("displayName")).active(true).build()).created();
            case SCIM_DEACTIVATE -> scim().deactivate(call.param("scimId"));
            case SCIM_ACTIVATE -> scim().activate(call.param("scimId"));
            case SCIM_DELETE -> scim().deleteUserIfPresent(call.param("scimId"));
            case ADD_JIRA_GROUP -> jira().addToGroupIfAbsent(call.param("groupId"), accountId(call));
            case REMOVE_JIRA_GROUP -> jira().removeFromGroupIfPresent(call.param("groupId"), accountId(call));
            case REMOVE_FROM_JIRA -> jira().deleteUserIfPresent(accountId(call));
            case ADD_CONFLUENCE_GROUP -> change(() -> !inConfluenceGroup(call),
                    () -> confluence().addMember(call.param("groupId"), accountId(call)));
            case REMOVE_CONFLUENCE_GROUP -> change(() -> inConfluenceGroup(call),
                    () -> confluence().removeMember(call.param("groupId"), accountId(call)));
        };
    }

    private static boolean change(Supplier<Boolean> needed, Runnable action) {
        if (!needed.get()) {
            return false;
        }
        action.run();
        return true;
    }

    /** The account a call is about; for a new person, found by email once the account exists. */
    private String accountId(PlannedCall call) {
        String accountId = call.param("accountId");
        if (accountId != null) {
            return accountId;
        }
        return organizations.findByEmail(call.param("email")).map(OrgUser::accountId)
                .orElseThrow(() -> new LifecycleBusinessException(BusinessError.ACCOUNT_NOT_FOUND,
                        "No account has the email " + call.param("email") + " yet", null));
    }

    private Optional<OrgUser> orgUser(PlannedCall call) {
        try {
            return Optional.of(organizations.user(accountId(call)));
        } catch (AtlassianApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean inConfluenceGroup(PlannedCall call) {
        return confluence().allGroupsOf(accountId(call)).stream().anyMatch(g -> g.id().equals(call.param("groupId")));
    }

    private ScimClient scim() {
        return scim.orElseThrow(() -> notConfigured("SCIM (atlassian.scim-api-key)"));
    }

    private JiraClient jira() {
        return jira.orElseThrow(() -> notConfigured("Jira (atlassian.site-url)"));
    }

    private ConfluenceClient confluence() {
        return confluence.orElseThrow(() -> notConfigured("Confluence (atlassian.site-url)"));
    }

    private static LifecycleBusinessException notConfigured(String what) {
        return new LifecycleBusinessException(BusinessError.NOT_AUTHORIZED, what + " is not configured", null);
    }

    private CallResult result(PlannedCall call, Outcome outcome) {
        return new CallResult(call.id(), call.operation(), call.target(), outcome, clock.instant());
    }
}
