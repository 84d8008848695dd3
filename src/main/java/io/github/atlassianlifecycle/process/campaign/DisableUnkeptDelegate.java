package io.github.atlassianlifecycle.process.campaign;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.process.engine.AsUser;

/**
 * The end of the notice period: one disable request per person who did not keep access, as the campaign's approver
 * (the person accountable for it, with their own groups), like a reconciliation's approved findings. Each goes
 * through its own approval routing and takes its snapshot as any disable; a retry starts none twice.
 */
public class DisableUnkeptDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    public DisableUnkeptDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String approver = (String) execution.getVariable(CampaignVariables.APPROVER);
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        // The approval of the campaign is the authority for these starts, not a grant of the approver's.
        int started = AsUser.call(identity, approver, groups -> Context.getCommandContext().runWithoutAuthorization(
                () -> campaigns.disableUnkept((String) execution.getVariable(CampaignVariables.CAMPAIGN_ID), approver)));
        execution.setVariable(CampaignVariables.REQUESTS_STARTED, started);
    }
}
