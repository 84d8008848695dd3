package io.github.atlassianlifecycle.process.decisions;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;

import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.seal.Seal;
import io.github.atlassianlifecycle.process.seal.SealedVariables;
import io.github.atlassianlifecycle.process.variables.JsonVariables;

/**
 * Completing a task sets only that task's own form fields. When the task is created, every variable of the request
 * but those fields is sealed (task-local {@value #VARIABLE}); when it is completed, anything new or changed outside
 * them, whether sent with the completion or written through the task's or the instance's variables while it waited,
 * refuses the completion: the transaction rolls back and the task stays open. A read-only field sent back with the
 * value it had is no change.
 */
public final class TaskSeal {

    /** Task-local: the seal of the request as the task's assignee was shown it. */
    static final String VARIABLE = "requestSeal";
    /** Changed while a task waits by the process itself, and about nothing a decision rests on. */
    static final Set<String> WHILE_WAITING = Set.of(RemindApproversDelegate.REMINDERS_SENT);

    private TaskSeal() {
    }

    public static void create(DelegateTask task, Collection<String> fields) {
        Seal seal = Seal.of(purpose(task), task.getProcessInstanceId(),
                SealedVariables.allBut(task.getExecution(), unsealed(fields)),
                task.getProcessEngineServices().getManagementService());
        task.setVariableLocal(VARIABLE, SpinValues.jsonValue(PlanJson.write(seal)).create());
    }

    /** @throws AuthorizationException naming what the completion set besides {@code fields} */
    public static void check(DelegateTask task, Collection<String> fields, String what) {
        Set<String> extra = new TreeSet<>(task.getVariableNamesLocal());
        extra.remove(VARIABLE);
        extra.removeAll(fields);
        Object stored = task.getVariableLocal(VARIABLE);
        Seal seal = stored == null ? null : JsonVariables.get(task, VARIABLE, Seal.class);
        if (seal == null || !seal.isAuthentic(purpose(task), task.getProcessInstanceId(),
                task.getProcessEngineServices().getManagementService())) {
            throw new AuthorizationException(what + " cannot be completed: the seal of the request it was created"
                    + " with is missing or was altered.");
        }
        extra.addAll(seal.changedIn(SealedVariables.allBut(task.getExecution(), unsealed(fields))));
        if (!extra.isEmpty()) {
            throw new AuthorizationException(what + " may only set " + quoted(fields) + "; this completion also set"
                    + " or changed " + quoted(extra) + " (or they were changed while it waited). Nothing was changed.");
        }
    }

    private static Set<String> unsealed(Collection<String> fields) {
        Set<String> unsealed = new HashSet<>(fields);
        unsealed.addAll(WHILE_WAITING);
        return unsealed;
    }

    private static String purpose(DelegateTask task) {
        return "task " + task.getId();
    }

    private static String quoted(Collection<String> names) {
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        return String.join(", ", quoted);
    }
}
