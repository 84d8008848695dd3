package io.github.atlassianlifecycle.lifecycle.operation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecycleRequest;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.account.GroupRef;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/**
 * Runs one {@link ReusableOperation} from its inputs and answers its outputs, over the code the lifecycle processes
 * use: {@link AccountInspector} to read, {@link RequestPlanner} to plan, {@link PlanExecutor#apply(PlannedCall)} to
 * change (read first, act only if needed), so an operation used on its own behaves exactly as in a plan; the API
 * tokens through {@link ApiTokenRevocation}.
 *
 * <p>Failures follow the three tiers: bad input and Atlassian's refusals are {@link LifecycleBusinessException}s (bad
 * input as {@link BusinessError#INVALID_REQUEST}, naming the input); transient failures propagate unchanged, to be
 * retried.
 */
public class OperationRunner {

    private final AccountInspector inspector;
    private final RequestPlanner planner;
    private final PlanExecutor executor;
    private final ApiTokenRevocation tokens;

    public OperationRunner(AccountInspector inspector, RequestPlanner planner, PlanExecutor executor,
            ApiTokenRevocation tokens) {
        this.inspector = inspector;
        this.planner = planner;
        this.executor = executor;
        this.tokens = tokens;
    }

    /**
     * @param inputs by input name; blank values count as not given, names the operation does not declare are refused
     * @return the outputs, by output name, in the order the operation declares them (absent values are left out)
     */
    public Map<String, String> run(ReusableOperation operation, Map<String, String> inputs) {
        Map<String, String> given = OperationInputs.check(operation, inputs);
        Map<String, String> outputs = switch (operation) {
            case READ_ACCOUNT -> read(given);
            case PLAN -> plan(given);
            case REVOKE_API_TOKENS -> revokeTokens(given);
            default -> change(operation, operation.call().orElseThrow(), given);
        };
        Map<String, String> ordered = new LinkedHashMap<>();
        for (OperationOutput output : operation.outputs()) {
            if (outputs.get(output.name()) != null) {
                ordered.put(output.name(), outputs.get(output.name()));
            }
        }
        return ordered;
    }

    private Map<String, String> read(Map<String, String> given) {
        String who = OperationInputs.oneOf(given, "accountId", "email");
        AccountFacts facts = given.containsKey("accountId") ? inspector.byAccountId(who, null)
                : inspector.byEmail(who, null);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("exists", String.valueOf(facts.exists()));
        out.put("accountId", facts.accountId());
        out.put("email", facts.email());
        out.put("accountStatus", facts.accountStatus());
        out.put("membershipStatus", facts.membershipStatus());
        out.put("managedBy", facts.managedBy() == null ? null : facts.managedBy().name());
        out.put("scimId", facts.scimId());
        out.put("orgGroups", ids(facts.orgGroups()));
        out.put("inJira", String.valueOf(facts.inJira()));
        out.put("jiraGroups", ids(facts.jiraGroups()));
        out.put("confluenceGroups", ids(facts.confluenceGroups()));
        return out;
    }

    private Map<String, String> plan(Map<String, String> given) {
        OperationInputs.oneOf(given, "accountId", "email");
        List<String> groups = given.containsKey("groups") ? Arrays.stream(given.get("groups").split(","))
                .map(String::strip).filter(g -> !g.isEmpty()).toList() : List.of();
        LifecycleRequest request = new LifecycleRequest(LifecycleAction.valueOf(given.get("action")),
                given.get("accountId"), given.get("email"), given.get("displayName"), groups);
        // On its own an ENABLE has no snapshot of a disable to restore groups from: it plans the account only.
        Plan plan = planner.plan(request, Optional.empty(), null);
        return Map.of("plan", PlanJson.write(plan), "callCount", String.valueOf(plan.calls().size()));
    }

    private Map<String, String> revokeTokens(Map<String, String> given) {
        int revoked = tokens.revokeAll(given.get("accountId"));
        return Map.of("revokedTokens", String.valueOf(revoked),
                "outcome", (revoked == 0 ? CallResult.Outcome.ALREADY_DONE : CallResult.Outcome.APPLIED).name(),
                "changed", String.valueOf(revoked > 0));
    }

    private Map<String, String> change(ReusableOperation operation, Operation call, Map<String, String> given) {
        String target = given.getOrDefault("accountId",
                given.getOrDefault("email", given.getOrDefault("userName", given.getOrDefault("scimId", ""))));
        PlannedCall planned = new PlannedCall(operation.key(), stepOf(call), call, target, given, call.effect());
        CallResult result = executor.apply(planned);
        return Map.of("outcome", result.outcome().name(),
                "changed", String.valueOf(result.outcome() == CallResult.Outcome.APPLIED));
    }

    /** The step a plan would make the call in; a call made alone is not part of a step, but a PlannedCall has one. */
    private static PlanStep stepOf(Operation call) {
        return switch (call) {
            case DELETE_ACCOUNT, REMOVE_FROM_DIRECTORY, REMOVE_FROM_JIRA -> PlanStep.AFTER_GRACE;
            case ADD_ORG_GROUP, REMOVE_ORG_GROUP, ADD_JIRA_GROUP, REMOVE_JIRA_GROUP, ADD_CONFLUENCE_GROUP,
                    REMOVE_CONFLUENCE_GROUP, ADD_BITBUCKET_GROUP, REMOVE_BITBUCKET_GROUP -> PlanStep.GROUPS;
            default -> PlanStep.ACCOUNT;
        };
    }

    private static String ids(List<GroupRef> groups) {
        return groups.stream().map(GroupRef::id).collect(Collectors.joining(","));
    }
}
