package io.github.atlassianlifecycle.process.notify;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import io.github.atlassianlifecycle.notification.MailKind;
import io.github.atlassianlifecycle.notification.OutcomeMail;
import io.github.atlassianlifecycle.notification.Recipient;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Tells the requester how their request ended, as the process's end listener: applied, partially applied, rejected
 * (with the approver's comment), failed or expired. A request withdrawn (deleted, no outcome) or refused as invalid
 * (its caller already had the answer) is not mailed; mail off, nothing is.
 */
public class NotifyRequesterListener implements ExecutionListener {

    /** Each outcome told, in the words of the mail. */
    static final Map<String, String> TOLD = Map.of(
            "completed", "applied",
            "partially-applied", "partially applied (an administrator skipped a call; see the evidence)",
            "rejected", "rejected",
            "failed", "failed (an administrator aborted it after Atlassian refused a step)",
            "expired", "expired (nobody decided the approval in time)");

    private final ProcessMail mail;

    public NotifyRequesterListener(ProcessMail mail) {
        this.mail = mail;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // A withdrawn request (deleted) ends without an outcome: nothing to tell (and Map.of refuses a null key).
        String outcome = ApprovalMails.text(execution, ProcessVariables.OUTCOME);
        String requester = ApprovalMails.text(execution, ProcessVariables.REQUESTER);
        if (!mail.enabled() || outcome == null || !TOLD.containsKey(outcome) || requester == null) {
            return;
        }
        String told = Boolean.TRUE.equals(execution.getVariable(ProcessVariables.NO_CHANGES))
                ? "completed: the account already was as asked, nothing was changed" : TOLD.get(outcome);
        Recipient person = new People(execution.getProcessEngineServices().getIdentityService()).user(requester);
        String requestId = ApprovalMails.requestId(execution);
        OutcomeMail ending = new OutcomeMail(requestId, ApprovalMails.actionOf(execution),
                ApprovalMails.account(execution), told, ApprovalMails.text(execution, ProcessVariables.COMMENT),
                mail.links().request(requestId));
        ProcessMail.afterCommit(mail.notifier().prepare(MailKind.REQUEST_OUTCOME, ending, List.of(person)));
    }
}
