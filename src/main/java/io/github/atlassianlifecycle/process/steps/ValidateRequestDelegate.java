package io.github.atlassianlifecycle.process.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.RequestProblem;
import io.github.atlassianlifecycle.lifecycle.RequestValidator;
import io.github.atlassianlifecycle.process.engine.InstanceAuthorizations;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/**
 * The first step of every lifecycle process: only documented inputs enter. The start may set the documented start
 * variables ({@link ProcessVariables#START_VARIABLES}) and nothing else, checked with the same rules as the request
 * API; the requester is the authenticated user who started it (never a supplied variable). It sets
 * {@code requester}, {@code requesterIsAutomation}, {@code valid} and {@code validationErrors}, and makes the seal of
 * the process's state that every later step checks. An invalid request ends at "invalid" and touches nothing.
 *
 * <p>All of it happens here, in a step, rather than in a listener: a start through {@code /engine-rest} may ask to
 * skip listeners ({@code skipCustomListeners}), never a step.
 */
public class ValidateRequestDelegate implements JavaDelegate {

    /** Members submit requests from HR systems and service desks; policy may pre-approve some of theirs. */
    public static final String AUTOMATION_GROUP = "lifecycle-automation";

    private final ObjectMapper json;

    public ValidateRequestDelegate(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<RequestProblem> problems = new ArrayList<>();
        for (String name : new TreeSet<>(execution.getVariableNames())) {
            if (!ProcessVariables.START_VARIABLES.contains(name) && !ProcessVariables.REQUESTER.equals(name)) {
                problems.add(new RequestProblem(name, "is not a start variable of this process (those are: "
                        + String.join(", ", ProcessVariables.START_VARIABLES) + ")"));
            }
        }
        LifecycleAction action = RequestVariables.action(execution);
        execution.setVariable(ProcessVariables.ACTION, action.name());

        Map<String, Object> fields = new HashMap<>();
        for (String name : ProcessVariables.START_VARIABLES) {
            Object value = execution.getVariable(name);
            if (ProcessVariables.GROUPS.equals(name) && value instanceof String text) {
                value = groups(text, problems);
            }
            if (value != null) {
                fields.put(name, value);
            }
        }
        problems.addAll(RequestValidator.validate(action, fields));
        requester(execution).ifPresent(problems::add);
        execution.setVariable(ProcessVariables.VALID, problems.isEmpty());
        execution.setVariable(ProcessVariables.VALIDATION_ERRORS,
                problems.stream().map(RequestProblem::toString).collect(Collectors.joining("; ")));
        ProcessState.seal(execution);
    }

    /**
     * Pins {@code requester} to the authenticated user. The start event's {@code camunda:initiator} sets it, but
     * start variables are applied afterwards and could overwrite it.
     */
    private static Optional<RequestProblem> requester(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String authenticated = authentication == null ? null : authentication.getUserId();
        Object named = execution.getVariable(ProcessVariables.REQUESTER);
        if (authenticated == null) {
            execution.removeVariable(ProcessVariables.REQUESTER);
            execution.setVariable(ProcessVariables.REQUESTER_IS_AUTOMATION, false);
            return Optional.of(new RequestProblem(ProcessVariables.REQUESTER,
                    "the request was not started by an authenticated user"));
        }
        execution.setVariable(ProcessVariables.REQUESTER, authenticated);
        InstanceAuthorizations.letRequesterRead(execution, authenticated);
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        execution.setVariable(ProcessVariables.REQUESTER_IS_AUTOMATION, groups.contains(AUTOMATION_GROUP));
        return named != null && !Objects.equals(named, authenticated)
                ? Optional.of(new RequestProblem(ProcessVariables.REQUESTER,
                        "is the authenticated user and must not be supplied"))
                : Optional.empty();
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
