package io.github.atlassianlifecycle.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The "resolve manually" task. Completing it, an administrator chooses {@code retry} (run the failed step again),
 * {@code skip} (leave the failed call out and go on; only when one call failed) or {@code abort} (end the request as
 * failed), with a comment ({@code resolutionComment}) for skip and abort, which the record keeps.
 */
public class ResolveFailureListener implements TaskListener {

    static final String RESOLUTION_COMMENT = "resolutionComment";
    static final Set<String> CHOICES = Set.of("retry", "skip", "abort");

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariable(ProcessVariables.RESOLUTION, null);
            task.setVariable(RESOLUTION_COMMENT, null);
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Object resolution = task.getVariable(ProcessVariables.RESOLUTION);
        if (!(resolution instanceof String choice) || !CHOICES.contains(choice)) {
            throw new FormFieldValidationException(ProcessVariables.RESOLUTION,
                    "Choose what to do: retry, skip or abort.");
        }
        Object comment = task.getVariable(RESOLUTION_COMMENT);
        if (!"retry".equals(choice) && (!(comment instanceof String text) || text.isBlank())) {
            throw new FormFieldValidationException(RESOLUTION_COMMENT, "Say why you " + choice + ".");
        }
        if ("skip".equals(choice)) {
            Object failedCall = task.getVariable(ProcessVariables.FAILED_CALL);
            if (failedCall == null) {
                throw new FormFieldValidationException(ProcessVariables.RESOLUTION,
                        "Nothing to skip: this failure is not about one call. Retry or abort.");
            }
            JsonVariables.append(task, ProcessVariables.SKIPPED_CALLS, String.class, List.of(failedCall.toString()));
        }
    }
}
