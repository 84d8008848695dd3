package io.github.atlassianlifecycle.process.decisions;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.process.engine.InstanceAuthorizations;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Four eyes on the batch approval, enforced inside the engine as on every approval: the batch's submitter can
 * neither be the assignee (claim, assign, delegate) nor complete it. Completing sets only {@code approved},
 * {@code comment} (required to reject) and {@code excludedLines} ({@link TaskSeal}); the decision and the excluded
 * lines are recorded in the batch store in the same transaction, so what starts afterwards is what was decided.
 * Refusals roll the completion back and leave the task open.
 */
public class BatchApprovalTaskListener implements TaskListener {

    private final BatchService batches;

    public BatchApprovalTaskListener(BatchService batches) {
        this.batches = batches;
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

    private static void create(DelegateTask task) {
        task.setVariable(ProcessVariables.APPROVED, null);
        task.setVariable(ProcessVariables.COMMENT, null);
        task.setVariable(ProcessVariables.EXCLUDED_LINES, null);
        TaskSeal.create(task, ProcessVariables.BATCH_APPROVAL_FIELDS);
        Object requester = task.getVariable(ProcessVariables.REQUESTER);
        InstanceAuthorizations.refuseTask(task, requester == null ? List.of() : List.of(requester.toString()));
    }

    private void complete(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor == null) {
            throw new AuthorizationException("A batch approval must be completed by an authenticated user.");
        }
        TaskSeal.check(task, ProcessVariables.BATCH_APPROVAL_FIELDS, "A batch approval");
        String batchId = (String) task.getVariable(ProcessVariables.BATCH_ID);
        Batch batch = batches.find(batchId).orElseThrow(() -> new AuthorizationException("There is no batch " + batchId
                + " to approve."));
        refuse(actor, task, "complete");
        refuse(task.getAssignee(), task, "be assigned");
        if (actor.equals(batch.requester())) { // the store's word as well as the variable's
            throw new AuthorizationException("Four eyes: " + actor + " submitted this batch and cannot approve it.");
        }
        boolean decision = ApprovalTaskListener.decision(task.getVariable(ProcessVariables.APPROVED));
        Object comment = task.getVariable(ProcessVariables.COMMENT);
        if (!decision && (!(comment instanceof String text) || text.isBlank())) {
            throw new FormFieldValidationException(ProcessVariables.COMMENT, "A comment is required to reject.");
        }
        if (comment != null && !(comment instanceof String)) {
            throw new FormFieldValidationException(ProcessVariables.COMMENT, "The comment must be text.");
        }
        Set<Integer> excluded = lines(task.getVariable(ProcessVariables.EXCLUDED_LINES));
        if (!decision && !excluded.isEmpty()) {
            throw new FormFieldValidationException(ProcessVariables.EXCLUDED_LINES,
                    "Rejecting the batch rejects every row: exclude no lines.");
        }
        try {
            batches.decide(batchId, actor, decision, (String) comment, excluded);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new FormFieldValidationException(ProcessVariables.EXCLUDED_LINES, "Excluded lines: " + e.getMessage());
        }
        task.setVariable(ProcessVariables.APPROVED, decision);
        task.setVariable(ProcessVariables.APPROVER, actor);
    }

    private static void refuse(String user, DelegateTask task, String what) {
        if (user != null && Objects.equals(user, task.getVariable(ProcessVariables.REQUESTER))) {
            throw new AuthorizationException("Four eyes: " + user + " submitted this batch and cannot " + what
                    + " its approval.");
        }
    }

    /**
     * The excluded lines: none (null or blank), a String of numbers separated by commas or white space (what the
     * form's text field sends), or a JSON-like list of numbers (from {@code /engine-rest}).
     */
    static Set<Integer> lines(Object value) {
        Set<Integer> lines = new TreeSet<>();
        if (value == null) {
            return lines;
        }
        Collection<?> items;
        if (value instanceof String text) {
            if (text.length() > ProcessVariables.STRING_LIMIT) {
                throw new FormFieldValidationException(ProcessVariables.EXCLUDED_LINES, "Excluded lines: "
                        + text.length() + " characters, more than the engine stores in a text ("
                        + ProcessVariables.STRING_LIMIT + "). To leave out that many rows, reject the batch and "
                        + "submit the rows to keep as a batch of their own.");
            }
            String bare = text.strip();
            if (bare.startsWith("[") && bare.endsWith("]")) {
                bare = bare.substring(1, bare.length() - 1);
            }
            items = bare.isBlank() ? List.of() : List.of(bare.split("[,\\s]+"));
        } else if (value instanceof Collection<?> collection) {
            items = collection;
        } else {
            throw new FormFieldValidationException(ProcessVariables.EXCLUDED_LINES,
                    "Excluded lines are numbers separated by commas, such as \"3, 17\".");
        }
        for (Object item : items) {
            try {
                lines.add(item instanceof Number number && number.doubleValue() == number.intValue()
                        ? number.intValue() : Integer.parseInt(item.toString().strip()));
            } catch (NumberFormatException e) {
                throw new FormFieldValidationException(ProcessVariables.EXCLUDED_LINES,
                        "Excluded lines are numbers separated by commas, such as \"3, 17\"; '" + item + "' is not one.");
            }
        }
        return lines;
    }
}
