package io.github.atlassianlifecycle.lifecycle;

import java.util.Optional;

import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver;
import io.github.atlassianlifecycle.lifecycle.plan.AddPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.DeletePlanner;
import io.github.atlassianlifecycle.lifecycle.plan.DisablePlanner;
import io.github.atlassianlifecycle.lifecycle.plan.EnablePlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;

/**
 * Computes the plan of a request from live state: reads the account, resolves requested groups, and asks the
 * action's planner. The same call serves planning and the drift check after a wait (verification reads back only
 * what the calls changed: {@code apply.ReadBack}).
 */
public class RequestPlanner {

    private final AccountInspector inspector;
    private final GroupResolver groups;
    private final LifecyclePolicy policy;
    private final DisablePlanner disable;
    private final EnablePlanner enable = new EnablePlanner();
    private final DeletePlanner delete;
    private final AddPlanner add;

    public RequestPlanner(AccountInspector inspector, GroupResolver groups, LifecyclePolicy policy) {
        this.inspector = inspector;
        this.groups = groups;
        this.policy = policy;
        this.disable = new DisablePlanner(policy);
        this.delete = new DeletePlanner(disable);
        this.add = new AddPlanner(policy);
    }

    /**
     * @param snapshot for ENABLE: the groups recorded when the account was disabled
     * @param knownScimId the SCIM id from an earlier plan or snapshot, if any
     * @throws LifecycleBusinessException when the request cannot be planned (unknown account or group, ...)
     */
    public Plan plan(LifecycleRequest request, Optional<AccountSnapshot> snapshot, String knownScimId) {
        return plan(request, snapshot, knownScimId, null);
    }

    /**
     * The plan of a request computed again (the drift check before applying, the verification after), which holds
     * to the choices its approved plan made ({@link DisablePlanner#plan(AccountFacts, Plan)}).
     *
     * @throws LifecycleBusinessException when the request cannot be planned any more
     */
    public Plan planAgain(LifecycleRequest request, Optional<AccountSnapshot> snapshot, Plan approved) {
        return plan(request, snapshot, approved.account().scimId(), approved);
    }

    private Plan plan(LifecycleRequest request, Optional<AccountSnapshot> snapshot, String knownScimId,
            Plan approved) {
        String scimId = knownScimId != null ? knownScimId : snapshot.map(AccountSnapshot::scimId).orElse(null);
        if (request.action() == LifecycleAction.ADD) {
            AccountFacts facts = inspector.byEmail(request.email(), scimId);
            return add.plan(request.email(), request.displayName(), facts, groups.resolve(request.groups()));
        }
        AccountFacts facts = request.accountId() != null ? inspector.byAccountId(request.accountId(), scimId)
                : inspector.byEmail(request.email(), scimId);
        return switch (request.action()) {
            case DISABLE -> disable.plan(facts, approved);
            case ENABLE -> enable.plan(facts, snapshot);
            case DELETE -> delete.plan(facts);
            case ADD -> throw new IllegalStateException("handled above");
        };
    }

    /** Does the plan grant a group whose grant needs a second approval? (Groups already held do not count.) */
    public boolean grantsPrivilegedGroup(Plan plan) {
        return plan.calls().stream()
                .filter(call -> call.operation() == Operation.ADD_ORG_GROUP || call.operation() == Operation.ADD_JIRA_GROUP
                        || call.operation() == Operation.ADD_CONFLUENCE_GROUP)
                .anyMatch(call -> policy.isPrivileged(call.param("groupName")));
    }
}
