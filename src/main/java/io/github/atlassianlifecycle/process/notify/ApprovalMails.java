package io.github.atlassianlifecycle.process.notify;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;

import io.github.atlassianlifecycle.notification.ApprovalMail;
import io.github.atlassianlifecycle.notification.MailKind;
import io.github.atlassianlifecycle.notification.Recipient;
import io.github.atlassianlifecycle.process.decisions.ApprovalTaskListener;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/**
 * One approval task's mail to its candidates, written from the process's variables: who asked to do what to whom,
 * and the task's link. The requester and this plan's earlier approvers are not told: they may not decide it.
 */
final class ApprovalMails {

    private final ProcessMail mail;
    private final People people;

    ApprovalMails(ProcessMail mail, People people) {
        this.mail = mail;
        this.people = people;
    }

    /** Tells the task's candidates, after the commit. */
    void toCandidates(MailKind kind, DelegateExecution execution, VariableScope variables, String taskId,
            String taskName, Collection<? extends IdentityLink> links) {
        send(kind, approvalMail(execution, variables, taskId, taskName, People.groups(links)),
                people.candidates(links, ApprovalTaskListener.refusedApprovers(variables)));
    }

    /** Tells these people about the task, after the commit. */
    void send(MailKind kind, ApprovalMail approval, List<Recipient> to) {
        ProcessMail.afterCommit(mail.notifier().prepare(kind, approval, to));
    }

    ApprovalMail approvalMail(DelegateExecution execution, VariableScope variables, String taskId, String taskName,
            String groups) {
        return new ApprovalMail(requestId(execution), actionOf(execution), account(variables),
                text(variables, ProcessVariables.REQUESTER), text(variables, ProcessVariables.REASON), taskName, groups,
                mail.links().task(taskId));
    }

    static String requestId(DelegateExecution execution) {
        // The request API keys its process by the request's id; a start through the engine is a request of its own id.
        String businessKey = execution.getProcessBusinessKey();
        return businessKey != null ? businessKey : execution.getProcessInstanceId();
    }

    static String actionOf(DelegateExecution execution) {
        return RequestVariables.action(execution).name().toLowerCase(Locale.ROOT);
    }

    static String account(VariableScope variables) {
        String accountId = text(variables, ProcessVariables.ACCOUNT_ID);
        String email = text(variables, ProcessVariables.EMAIL);
        if (accountId != null && email != null) {
            return email + " (" + accountId + ")";
        }
        return accountId != null ? accountId : email;
    }

    static String text(VariableScope variables, String name) {
        Object value = variables.getVariable(name);
        return value == null ? null : value.toString();
    }
}
