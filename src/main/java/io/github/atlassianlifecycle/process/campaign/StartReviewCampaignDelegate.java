package io.github.atlassianlifecycle.process.campaign;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.process.engine.AsUser;
import io.github.atlassianlifecycle.process.reconcile.ReconcileVariables;

/**
 * A step of {@code account-reconcile}: when its review chose to run the approved INACTIVE findings as a campaign
 * ({@code inactiveAsCampaign}), makes that campaign as the reviewer and starts its approval (by another security
 * reviewer), and sets {@code campaignId}; otherwise does nothing. A retry answers the campaign made before.
 */
public class StartReviewCampaignDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    public StartReviewCampaignDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The review's listener wrote the flag back as a Boolean once it had checked it.
        if (!Boolean.TRUE.equals(execution.getVariable(ReconcileVariables.INACTIVE_AS_CAMPAIGN))) {
            return;
        }
        String reviewer = (String) execution.getVariable(ReconcileVariables.REVIEWER);
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        Optional<Campaign> campaign;
        try {
            // The review is the authority for this start, as for the requests it starts: as the reviewer, on record.
            campaign = AsUser.call(identity, reviewer, groups -> Context.getCommandContext().runWithoutAuthorization(
                    () -> campaigns.createOfReview(execution.getProcessInstanceId(), reviewer)));
        } catch (IllegalStateException unavailable) {
            throw new BpmnError(ReconcileVariables.FAILED_ERROR, unavailable.getMessage());
        }
        campaign.ifPresent(made -> execution.setVariable(ReconcileVariables.CAMPAIGN_ID, made.id()));
    }
}
