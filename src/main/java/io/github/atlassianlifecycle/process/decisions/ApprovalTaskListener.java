package io.github.atlassianlifecycle.process.decisions;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.process.engine.InstanceAuthorizations;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Four eyes on every approval task, enforced inside the engine so that Tasklist, {@code /engine-rest} and the Java
 * API all obey it: neither the requester nor anyone who already approved this plan can be the assignee (claim,
 * assign and delegate all raise "assignment") or complete it. Completing needs a decision, a comment when rejecting,
 * and sets nothing but {@code approved} and {@code comment}: the request, the plan and every other variable stay as
 * they were when the task was created ({@link TaskSeal}). Each decision is appended to {@code approvals}, under the
 * process's seal ({@link ProcessState}).
 *
 * <p>Refusals are {@link AuthorizationException}s or {@link FormFieldValidationException}s; either way the
 * transaction rolls back and the task stays open.
 */
public class ApprovalTaskListener implements TaskListener {

    private final Clock clock;

    public ApprovalTaskListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> create(task);
            case EVENTNAME_ASSIGNMENT -> refuse(task.getAssignee(), task, "be assigned");
            case EVENTNAME_COMPLETE -> complete(task);
            default -> { }
        }
    }

    private void create(DelegateTask task) {
        ProcessState.verify(task);
        // Each approval decides on its own: no decision or comment carries over from an earlier one.
        task.setVariable(ProcessVariables.APPROVED, null);
        task.setVariable(ProcessVariables.COMMENT, null);
        TaskSeal.create(task, ProcessVariables.APPROVAL_FIELDS);
        InstanceAuthorizations.refuseTask(task, refusedApprovers(task));
    }

    /** Who may not decide the approval now waiting in {@code scope}: the requester and this plan's earlier approvers. */
    public static Set<String> refusedApprovers(VariableScope scope) {
        Set<String> refused = new java.util.HashSet<>(earlierApprovers(scope));
        Object requester = scope.getVariable(ProcessVariables.REQUESTER);
        if (requester != null) {
            refused.add(requester.toString());
        }
        return refused;
    }

    private void complete(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor == null) {
            throw new AuthorizationException("An approval must be completed by an authenticated user.");
        }
        // The seals first: they prove the requester and earlier approvals below are the real ones.
        TaskSeal.check(task, ProcessVariables.APPROVAL_FIELDS, "An approval");
        ProcessState.verify(task);
        refuse(actor, task, "complete");
        refuse(task.getAssignee(), task, "be assigned");
        boolean decision = decision(task.getVariable(ProcessVariables.APPROVED));
        Object comment = task.getVariable(ProcessVariables.COMMENT);
        if (!decision && (!(comment instanceof String text) || text.isBlank())) {
            throw new FormFieldValidationException(ProcessVariables.COMMENT, "A comment is required to reject.");
        }
        JsonVariables.append(task, ProcessVariables.APPROVALS, Approval.class, List.of(new Approval(
                task.getTaskDefinitionKey(), actor, clock.instant(), decision, comment == null ? null : comment.toString(),
                (String) task.getVariable(ProcessVariables.PLAN_HASH))));
        task.setVariable(ProcessVariables.APPROVED, decision);
        task.setVariable(ProcessVariables.APPROVER, actor);
        ProcessState.seal(task);
    }

    /** Refuses the requester, and whoever already approved the plan this task is about. */
    private static void refuse(String user, DelegateTask task, String what) {
        if (user == null) {
            return;
        }
        if (Objects.equals(user, task.getVariable(ProcessVariables.REQUESTER))) {
            throw new AuthorizationException("Four eyes: " + user + " requested this change and cannot " + what
                    + " its approval.");
        }
        if (earlierApprovers(task).contains(user)) {
            throw new AuthorizationException("Four eyes: " + user + " already approved this request and cannot "
                    + what + " its next approval.");
        }
    }

    private static Set<String> earlierApprovers(VariableScope task) {
        Object planHash = task.getVariable(ProcessVariables.PLAN_HASH);
        return Approvals.ofThisRound(task).stream()
                .filter(approval -> approval.approved() && Objects.equals(approval.planHash(), planHash))
                .map(Approval::approver).collect(Collectors.toSet());
    }

    /** {@code approved} is a Boolean; the strings "true" and "false" (what a form's radio group sends) count too. */
    public static boolean decision(Object approved) {
        if (approved instanceof Boolean decision) {
            return decision;
        }
        if ("true".equals(approved) || "false".equals(approved)) {
            return Boolean.parseBoolean((String) approved);
        }
        throw new FormFieldValidationException(ProcessVariables.APPROVED,
                "An approval needs the Boolean variable 'approved' (true to approve, false to reject).");
    }
}
