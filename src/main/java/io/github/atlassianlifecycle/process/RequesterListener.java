package io.github.atlassianlifecycle.process;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs when a lifecycle process starts and pins {@code requester} to the authenticated user. The start event's
 * {@code camunda:initiator} sets it, but start variables are applied afterwards and could overwrite it; a request
 * whose variables name someone else as requester is marked so that validation rejects it.
 */
public class RequesterListener implements ExecutionListener {

    /** Set when the requester could not be trusted; the validation step turns it into a problem. */
    static final String REQUESTER_PROBLEM = "requesterProblem";
    /** Members submit requests from HR systems and service desks; policy may pre-approve some of theirs. */
    public static final String AUTOMATION_GROUP = "lifecycle-automation";

    @Override
    public void notify(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String authenticated = authentication == null ? null : authentication.getUserId();
        Object named = execution.getVariable(ProcessVariables.REQUESTER);
        if (authenticated == null) {
            execution.removeVariable(ProcessVariables.REQUESTER);
            execution.setVariable(ProcessVariables.REQUESTER_IS_AUTOMATION, false);
            execution.setVariable(REQUESTER_PROBLEM, "the request was not started by an authenticated user");
            return;
        }
        if (named != null && !Objects.equals(named, authenticated)) {
            execution.setVariable(REQUESTER_PROBLEM, "is the authenticated user and must not be supplied");
        }
        execution.setVariable(ProcessVariables.REQUESTER, authenticated);
        InstanceAuthorizations.letRequesterRead(execution, authenticated);
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        execution.setVariable(ProcessVariables.REQUESTER_IS_AUTOMATION, groups.contains(AUTOMATION_GROUP));
    }
}
