package io.github.atlassianlifecycle.process;

import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Four eyes on every approval task, enforced inside the engine so that Tasklist, {@code /engine-rest} and the Java
 * API all obey it: the requester can never be the assignee (claim, assign and delegate all raise "assignment") nor
 * the one who completes. Completing needs a decision, a comment when rejecting, and the request unchanged since
 * the task was created (see {@link RequestFingerprint}).
 *
 * <p>Refusals are {@link AuthorizationException}s (REST answers 403) or {@link FormFieldValidationException}s (REST
 * answers 400); either way the transaction rolls back and the task stays open.
 */
public class ApprovalTaskListener implements TaskListener {

    /** Task-local: the seal of the request as the approver was shown it. */
    static final String REQUEST_SEAL = "requestSeal";

    private final RequestFingerprint fingerprint;

    public ApprovalTaskListener(RequestFingerprint fingerprint) {
        this.fingerprint = fingerprint;
    }

    @Override
    public void notify(DelegateTask task) {
        String requester = (String) task.getVariable(ProcessVariables.REQUESTER);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.setVariableLocal(REQUEST_SEAL, fingerprint.seal(task, management(task)));
            case EVENTNAME_ASSIGNMENT -> refuseRequester(task.getAssignee(), requester, "be assigned");
            case EVENTNAME_COMPLETE -> complete(task, requester);
            default -> { }
        }
    }

    private void complete(DelegateTask task, String requester) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor == null) {
            throw new AuthorizationException("An approval must be completed by an authenticated user.");
        }
        // The seal first: it proves the requester below is the real one.
        if (!fingerprint.matches((String) task.getVariableLocal(REQUEST_SEAL), task, management(task))) {
            throw new AuthorizationException("The request was changed while it waited for approval; an approval may"
                    + " only set 'approved' and 'comment'.");
        }
        refuseRequester(actor, requester, "complete");
        refuseRequester(task.getAssignee(), requester, "be assigned");
        Boolean decision = decision(task.getVariable(ProcessVariables.APPROVED));
        Object comment = task.getVariable(ProcessVariables.COMMENT);
        if (!decision && (!(comment instanceof String text) || text.isBlank())) {
            throw new FormFieldValidationException(ProcessVariables.COMMENT, "A comment is required to reject.");
        }
        task.setVariable(ProcessVariables.APPROVED, decision);
        task.setVariable(ProcessVariables.APPROVER, actor);
    }

    /** {@code approved} is a Boolean; the strings "true" and "false" (what a form's radio group sends) count too. */
    private static Boolean decision(Object approved) {
        if (approved instanceof Boolean decision) {
            return decision;
        }
        if ("true".equals(approved) || "false".equals(approved)) {
            return Boolean.valueOf((String) approved);
        }
        throw new FormFieldValidationException(ProcessVariables.APPROVED,
                "An approval needs the Boolean variable 'approved' (true to approve, false to reject).");
    }

    private static ManagementService management(DelegateTask task) {
        return task.getProcessEngineServices().getManagementService();
    }

    private static void refuseRequester(String user, String requester, String what) {
        if (user != null && Objects.equals(user, requester)) {
            throw new AuthorizationException("Four eyes: " + user + " requested this change and cannot " + what
                    + " its approval.");
        }
    }
}
