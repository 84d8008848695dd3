package io.github.atlassianlifecycle.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.RequestProblem;
import io.github.atlassianlifecycle.lifecycle.RequestValidator;

/**
 * The first step of every lifecycle process: checks the start variables with the same rules as the request API,
 * and sets {@code valid} and {@code validationErrors}. An invalid request ends at "invalid" and touches nothing.
 */
public class ValidateRequestDelegate implements JavaDelegate {

    private static final List<String> FIELDS = List.of(ProcessVariables.ACCOUNT_ID, ProcessVariables.EMAIL,
            ProcessVariables.DISPLAY_NAME, ProcessVariables.GROUPS, ProcessVariables.REASON,
            ProcessVariables.REASON_CODE);

    private final ObjectMapper json;

    public ValidateRequestDelegate(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Read from the execution, not the repository service: no query, and no authorization check to pass.
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        LifecycleAction action = LifecycleAction.ofProcessKey(processKey);
        execution.setVariable(ProcessVariables.ACTION, action.name());

        Map<String, Object> fields = new HashMap<>();
        List<RequestProblem> problems = new ArrayList<>();
        for (String name : FIELDS) {
            Object value = execution.getVariable(name);
            if (ProcessVariables.GROUPS.equals(name) && value instanceof String text) {
                value = groups(text, problems);
            }
            if (value != null) {
                fields.put(name, value);
            }
        }
        problems.addAll(RequestValidator.validate(action, fields));
        Object requesterProblem = execution.getVariable(RequesterListener.REQUESTER_PROBLEM);
        if (requesterProblem != null) {
            problems.add(new RequestProblem(ProcessVariables.REQUESTER, requesterProblem.toString()));
        }
        execution.setVariable(ProcessVariables.VALID, problems.isEmpty());
        execution.setVariable(ProcessVariables.VALIDATION_ERRORS,
                problems.stream().map(RequestProblem::toString).collect(Collectors.joining("; ")));
    }

    /** Groups travel as a JSON array in a String variable (variables are JSON or primitives, never Java objects). */
    private Object groups(String text, List<RequestProblem> problems) {
        try {
            return json.readValue(text, new TypeReference<List<Object>>() { });
        } catch (Exception e) {
            problems.add(new RequestProblem(ProcessVariables.GROUPS, "must be a JSON array of group names"));
            return null;
        }
    }
}
