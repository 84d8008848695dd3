package io.github.atlassianlifecycle.process.notify;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.atlassianlifecycle.notification.MailKind;
import io.github.atlassianlifecycle.notification.Recipient;
import io.github.atlassianlifecycle.process.decisions.ApprovalTaskListener;

/**
 * The escalation of an approval still unanswered after its reminder: noted on each waiting task (every approver sees
 * it, mail or not) and mailed to the members of the escalation group, less those who may not decide. Sets no
 * variable: the waiting task's seal allows none to change.
 */
public class EscalateApprovalDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(EscalateApprovalDelegate.class);

    private final ProcessMail mail;

    public EscalateApprovalDelegate(ProcessMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String group = mail.escalationGroup();
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        People people = new People(execution.getProcessEngineServices().getIdentityService());
        ApprovalMails mails = new ApprovalMails(mail, people);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            tasks.createComment(task.getId(), execution.getProcessInstanceId(), group == null
                    ? "Still unanswered after the reminder. No escalation group is configured"
                            + " (atlassian.notifications.escalation-group)."
                    : "Still unanswered after the reminder: escalated to " + group + ".");
            LOG.info("Approval task {} of request {} is still unanswered: escalated to {}", task.getId(),
                    ApprovalMails.requestId(execution), group == null ? "nobody (no group configured)" : group);
            if (group != null && mail.enabled()) {
                Set<String> refused = ApprovalTaskListener.refusedApprovers(execution);
                List<Recipient> to = people.members(group).stream()
                        .filter(member -> !refused.contains(member.userId())).toList();
                mails.send(MailKind.APPROVAL_ESCALATION, mails.approvalMail(execution, execution, task.getId(),
                        task.getName(), People.groups(tasks.getIdentityLinksForTask(task.getId()))), to);
            }
        }
    }
}
