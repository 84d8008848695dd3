package io.github.atlassianlifecycle.process.campaign;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.process.decisions.ApprovalTaskListener;
import io.github.atlassianlifecycle.process.decisions.TaskSeal;
import io.github.atlassianlifecycle.process.engine.InstanceAuthorizations;

/**
 * Four eyes on the campaign's approval, inside the engine as on every approval: whoever asked for the campaign can
 * neither be the assignee nor complete it. Completing sets only {@code approved} and {@code comment} (required to
 * reject); the decision is recorded in the campaign store in the same transaction. Refusals roll the completion
 * back and leave the task open.
 */
public class CampaignApprovalTaskListener implements TaskListener {

    private final CampaignService campaigns;

    public CampaignApprovalTaskListener(CampaignService campaigns) {
        this.campaigns = campaigns;
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
        task.setVariable(CampaignVariables.APPROVED, null);
        task.setVariable(CampaignVariables.COMMENT, null);
        TaskSeal.create(task, CampaignVariables.APPROVAL_FIELDS);
        Object requester = task.getVariable(CampaignVariables.REQUESTER);
        InstanceAuthorizations.refuseTask(task, requester == null ? List.of() : List.of(requester.toString()));
    }

    private void complete(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor == null) {
            throw new AuthorizationException("A campaign approval must be completed by an authenticated user.");
        }
        TaskSeal.check(task, CampaignVariables.APPROVAL_FIELDS, "A campaign approval");
        String id = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
        Campaign campaign = campaigns.find(id).orElseThrow(() -> new AuthorizationException("There is no campaign "
                + id + " to approve."));
        refuse(actor, task, "complete");
        refuse(task.getAssignee(), task, "be assigned");
        if (actor.equals(campaign.requester())) { // the store's word as well as the variable's
            throw new AuthorizationException("Four eyes: " + actor + " asked for this campaign and cannot approve it.");
        }
        boolean decision = ApprovalTaskListener.decision(task.getVariable(CampaignVariables.APPROVED));
        Object comment = task.getVariable(CampaignVariables.COMMENT);
        if (comment != null && !(comment instanceof String)) {
            throw new FormFieldValidationException(CampaignVariables.COMMENT, "The comment must be text.");
        }
        if (!decision && (comment == null || ((String) comment).isBlank())) {
            throw new FormFieldValidationException(CampaignVariables.COMMENT, "A comment is required to reject.");
        }
        if (!campaigns.decide(id, actor, decision, (String) comment)) {
            throw new AuthorizationException("Campaign " + id + " was already decided.");
        }
        task.setVariable(CampaignVariables.APPROVED, decision);
        task.setVariable(CampaignVariables.APPROVER, actor);
    }

    private static void refuse(String user, DelegateTask task, String what) {
        if (user != null && Objects.equals(user, task.getVariable(CampaignVariables.REQUESTER))) {
            throw new AuthorizationException("Four eyes: " + user + " asked for this campaign and cannot " + what
                    + " its approval.");
        }
    }
}
