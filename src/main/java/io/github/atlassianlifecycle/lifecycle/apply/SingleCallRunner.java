package io.github.atlassianlifecycle.lifecycle.apply;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/**
 * Runs one named operation outside a plan, for callers that are not a lifecycle process (the Connect connector):
 * a plan {@link Operation} goes through {@link PlanExecutor} as a one-call plan, so it is as idempotent and
 * classified as inside a process; {@value #REVOKE_API_TOKENS} through {@link ApiTokenRevocation}. Inputs are
 * strings; the outputs are {@code outcome} ({@code APPLIED} or {@code ALREADY_DONE}) and, for the token revocation,
 * {@code revokedTokens}.
 *
 * <p>Interim: until the operation layer declares each operation's inputs once, the required inputs live in
 * {@link #required(Operation)}.
 */
public class SingleCallRunner {

    /** The operation name of {@link ApiTokenRevocation}, which is not a plan call. */
    public static final String REVOKE_API_TOKENS = "REVOKE_API_TOKENS";

    private final PlanExecutor executor;
    private final ApiTokenRevocation tokens;

    public SingleCallRunner(PlanExecutor executor, ApiTokenRevocation tokens) {
        this.executor = executor;
        this.tokens = tokens;
    }

    /** Every operation name {@link #run} accepts. */
    public static List<String> operationNames() {
        List<String> names = Arrays.stream(Operation.values()).map(Operation::name).collect(Collectors.toList());
        names.add(REVOKE_API_TOKENS);
        return names;
    }

    /**
     * @throws IllegalArgumentException naming the operation or the missing input, when either is wrong
     * @throws PlanStepFailure when Atlassian refuses the call (a business error)
     */
    public Map<String, Object> run(String operationName, Map<String, String> inputs) {
        if (operationName == null || operationName.isBlank()) {
            throw new IllegalArgumentException("No operation given; one of " + operationNames());
        }
        String name = operationName.trim().toUpperCase(Locale.ROOT);
        if (REVOKE_API_TOKENS.equals(name)) {
            int revoked = tokens.revokeAll(input(name, inputs, "accountId"));
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("outcome", revoked == 0 ? CallResult.Outcome.ALREADY_DONE.name()
                    : CallResult.Outcome.APPLIED.name());
            outputs.put("revokedTokens", revoked);
            return outputs;
        }
        Operation operation = Arrays.stream(Operation.values()).filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown operation '" + operationName + "'; one of " + operationNames()));
        Map<String, String> params = new TreeMap<>();
        for (String required : required(operation)) {
            params.put(required, input(name, inputs, required));
        }
        inputs.forEach((key, value) -> params.putIfAbsent(key, value));
        PlannedCall call = new PlannedCall("single-1", PlanStep.ACCOUNT, operation,
                params.getOrDefault("accountId", params.get("email")), params, operation.effect());
        List<CallResult> results = executor.apply(new Plan(null, null, List.of(call), List.of()), PlanStep.ACCOUNT,
                Set.of());
        return Map.of("outcome", results.get(0).outcome().name());
    }

    /** The inputs each plan operation cannot run without (more, such as {@code displayName}, are passed on). */
    static List<String> required(Operation operation) {
        return switch (operation) {
            case INVITE, SCIM_CREATE -> List.of("email");
            case SCIM_DEACTIVATE, SCIM_ACTIVATE, SCIM_DELETE -> List.of("scimId");
            case ADD_ORG_GROUP, REMOVE_ORG_GROUP, ADD_JIRA_GROUP, REMOVE_JIRA_GROUP, ADD_CONFLUENCE_GROUP,
                    REMOVE_CONFLUENCE_GROUP -> List.of("accountId", "groupId");
            default -> List.of("accountId");
        };
    }

    private static String input(String operation, Map<String, String> inputs, String name) {
        String value = inputs.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Operation " + operation + " needs the input '" + name + "'");
        }
        return value;
    }
}
