package io.github.atlassianlifecycle.process.decisions;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.github.atlassianlifecycle.lifecycle.Resolution;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * The "resolve manually" task. Completing it, an administrator ({@code camunda-admin}, whoever the task was given
 * to) chooses {@code retry} (check the account again and run the failed step again), {@code skip} (leave the failed
 * call out and go on; only when one call failed) or {@code abort} (end the request as failed), with a
 * {@code comment} for skip and abort. The decision is recorded in {@code resolutions} (who, when, what, why, the
 * failed call and its plan), under the process's seal; the skipped calls derive from it. Like an approval, the
 * completion sets nothing else ({@link TaskSeal}).
 */
public class ResolveFailureListener implements TaskListener {

    static final Set<String> CHOICES = Set.of(Resolution.RETRY, Resolution.SKIP, Resolution.ABORT);
    static final int MAX_COMMENT = 2000;

    private final Clock clock;

    public ResolveFailureListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ProcessState.verify(task);
            task.setVariable(ProcessVariables.RESOLUTION, null);
            task.setVariable(ProcessVariables.COMMENT, null);
            TaskSeal.create(task, ProcessVariables.RESOLUTION_FIELDS);
            return;
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    private void complete(DelegateTask task) {
        String actor = administrator(task);
        TaskSeal.check(task, ProcessVariables.RESOLUTION_FIELDS, "A resolution");
        ProcessState.verify(task);
        Object resolution = task.getVariable(ProcessVariables.RESOLUTION);
        if (!(resolution instanceof String choice) || !CHOICES.contains(choice)) {
            throw new FormFieldValidationException(ProcessVariables.RESOLUTION,
                    "Choose what to do: retry, skip or abort.");
        }
        Object comment = task.getVariable(ProcessVariables.COMMENT);
        String text = comment instanceof String given && !given.isBlank() ? given : null;
        if (!Resolution.RETRY.equals(choice) && text == null) {
            throw new FormFieldValidationException(ProcessVariables.COMMENT, "Say why you " + choice + ".");
        }
        if (text != null && text.length() > MAX_COMMENT) {
            throw new FormFieldValidationException(ProcessVariables.COMMENT,
                    "A comment has at most " + MAX_COMMENT + " characters.");
        }
        Object failedCall = task.getVariable(ProcessVariables.FAILED_CALL);
        if (Resolution.SKIP.equals(choice) && failedCall == null) {
            throw new FormFieldValidationException(ProcessVariables.RESOLUTION,
                    "Nothing to skip: this failure is not about one call. Retry or abort.");
        }
        JsonVariables.append(task, ProcessVariables.RESOLUTIONS, Resolution.class, List.of(new Resolution(choice,
                actor, clock.instant(), text, string(task, ProcessVariables.FAILED_AT),
                string(task, ProcessVariables.FAILURE_CODE), failedCall == null ? null : failedCall.toString(),
                string(task, ProcessVariables.FAILED_PLAN))));
        ProcessState.seal(task);
    }

    /** The authenticated user completing the task, if an administrator. */
    private static String administrator(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor == null) {
            throw new AuthorizationException("A failure must be resolved by an authenticated administrator.");
        }
        List<String> groups = authentication.getGroupIds() != null ? authentication.getGroupIds()
                : task.getProcessEngineServices().getIdentityService().createGroupQuery().groupMember(actor).list()
                        .stream().map(Group::getId).toList();
        if (!groups.contains(Groups.CAMUNDA_ADMIN)) {
            throw new AuthorizationException(actor + " is not an administrator (group " + Groups.CAMUNDA_ADMIN
                    + "): only administrators retry, skip or abort a refused step.");
        }
        return actor;
    }

    private static String string(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
