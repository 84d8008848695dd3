package io.github.atlassianlifecycle.process.decisions;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder on an approval that has waited too long: raises the task's priority (Tasklist sorts by it) and
 * notes the reminder on the task, where every approver sees it. {@code remindersSent} counts them.
 */
public class RemindApproversDelegate implements JavaDelegate {

    public static final int REMINDED_PRIORITY = 80;
    static final String REMINDERS_SENT = "remindersSent";
    private static final Logger LOG = LoggerFactory.getLogger(RemindApproversDelegate.class);

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            task.setPriority(Math.max(task.getPriority(), REMINDED_PRIORITY));
            tasks.saveTask(task);
            tasks.createComment(task.getId(), execution.getProcessInstanceId(),
                    "Reminder: this approval is still waiting. The request expires if nobody decides.");
            LOG.info("Reminded approvers of task {} ({}) of request {}", task.getId(), task.getName(),
                    execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
                            : execution.getProcessInstanceId());
        }
        int sent = execution.getVariable(REMINDERS_SENT) instanceof Integer n ? n + 1 : 1;
        execution.setVariable(REMINDERS_SENT, sent);
    }
}
