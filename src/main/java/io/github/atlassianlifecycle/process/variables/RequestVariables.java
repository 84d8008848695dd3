package io.github.atlassianlifecycle.process.variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleRequest;

/** Reads a request out of the process variables. */
public final class RequestVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestVariables() {
    }

    /** The action of the running process, from its definition key (read from the execution: no query). */
    public static LifecycleAction action(DelegateExecution execution) {
        return LifecycleAction.ofProcessKey(((ExecutionEntity) execution).getProcessDefinition().getKey());
    }

    public static LifecycleRequest request(DelegateExecution execution) {
        return request(execution, action(execution));
    }

    public static LifecycleRequest request(DelegateExecution execution, LifecycleAction action) {
        return new LifecycleRequest(action, string(execution, ProcessVariables.ACCOUNT_ID),
                string(execution, ProcessVariables.EMAIL), string(execution, ProcessVariables.DISPLAY_NAME),
                groups(execution.getVariable(ProcessVariables.GROUPS)));
    }

    /** Groups travel as a JSON array in a String variable (variables are JSON or primitives). */
    public static List<String> groups(Object value) {
        if (value == null) {
            return List.of();
        }
        try {
            return JSON.readValue(String.valueOf(value), new TypeReference<List<String>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("groups must be a JSON array of group names", e);
        }
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
