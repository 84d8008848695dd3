package io.github.atlassianlifecycle.process.notify;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;

import io.github.atlassianlifecycle.notification.MailKind;

/**
 * Tells an approval's candidates: on the task's {@code create} event, that it waits for them; as the end listener of
 * the reminder, that it still does (every open task of the process). Mail off, it does nothing.
 */
public class NotifyApproversListener implements TaskListener, ExecutionListener {

    private final ProcessMail mail;

    public NotifyApproversListener(ProcessMail mail) {
        this.mail = mail;
    }

    @Override
    public void notify(DelegateTask task) {
        if (mail.enabled() && EVENTNAME_CREATE.equals(task.getEventName())) {
            mails(task.getProcessEngineServices().getIdentityService()).toCandidates(MailKind.APPROVAL_WAITING,
                    task.getExecution(), task, task.getId(), task.getName(), task.getCandidates());
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!mail.enabled()) {
            return;
        }
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        ApprovalMails mails = mails(execution.getProcessEngineServices().getIdentityService());
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            mails.toCandidates(MailKind.APPROVAL_REMINDER, execution, execution, task.getId(), task.getName(),
                    tasks.getIdentityLinksForTask(task.getId()));
        }
    }

    private ApprovalMails mails(org.camunda.bpm.engine.IdentityService identity) {
        return new ApprovalMails(mail, new People(identity));
    }
}
