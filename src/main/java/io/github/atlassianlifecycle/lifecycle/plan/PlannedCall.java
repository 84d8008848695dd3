package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One change a plan will make: which API, which operation, on what, and what it does. {@code params} hold what the
 * call needs ({@code accountId}, {@code groupId}, {@code email}, ...); {@code target} names it for people.
 */
public record PlannedCall(String id, PlanStep step, Operation operation, String target, Map<String, String> params,
        String effect) {

    public PlannedCall {
        params = params == null ? Map.of() : new TreeMap<>(params);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** The API's name, as shown to approvers ("User management", "Jira", ...). */
    @JsonIgnore
    public String system() {
        return operation.family().displayName();
    }
}
