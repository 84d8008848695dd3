package io.github.atlassianlifecycle.process.tracking;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.RequestValidator;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;
import io.github.atlassianlifecycle.request.StoredRequest;

/**
 * The request-store record of a process started straight through the engine, as its start variables give it. Its
 * id is the process instance's, which the starter knows. The variables are not validated yet (the process does that
 * next, and an invalid request ends {@code invalid} on record), so they are only cut to what the store holds.
 */
final class StartedRequest {

    private StartedRequest() {
    }

    static StoredRequest of(DelegateExecution execution, LifecycleAction action, Instant now) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String requester = authentication == null || authentication.getUserId() == null ? ""
                : authentication.getUserId();
        Object reasonCode = execution.getVariable(ProcessVariables.REASON_CODE);
        return new StoredRequest(execution.getProcessInstanceId(), action,
                text(execution, ProcessVariables.ACCOUNT_ID, 128), text(execution, ProcessVariables.EMAIL,
                        RequestValidator.MAX_EMAIL),
                text(execution, ProcessVariables.DISPLAY_NAME, RequestValidator.MAX_DISPLAY_NAME),
                groups(execution.getVariable(ProcessVariables.GROUPS)),
                orEmpty(text(execution, ProcessVariables.REASON, RequestValidator.MAX_REASON)),
                reasonCode == null ? ReasonCode.OTHER.name() : cut(reasonCode.toString(), 32), requester,
                execution.getProcessInstanceId(), null, null, now, now, null, null);
    }

    private static String text(DelegateExecution execution, String name, int max) {
        Object value = execution.getVariable(name);
        return value == null ? null : cut(value.toString(), max);
    }

    private static List<String> groups(Object value) {
        try {
            List<String> groups = RequestVariables.groups(value);
            return groups.size() > RequestValidator.MAX_GROUPS || groups.stream().anyMatch(
                    group -> group == null || group.length() > RequestValidator.MAX_GROUP_NAME) ? List.of() : groups;
        } catch (IllegalArgumentException notGroups) {
            return List.of(); // the validation names the problem
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
