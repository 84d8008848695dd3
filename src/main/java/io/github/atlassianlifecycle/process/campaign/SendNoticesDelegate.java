package io.github.atlassianlifecycle.process.campaign;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.campaign.CampaignService;

/**
 * Sends every person's notice and sets {@code noticeEndsAt}, which the timer waits for. The keep links go only to
 * the notification channel: no token is ever a variable.
 */
public class SendNoticesDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    public SendNoticesDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant endsAt = campaigns.sendNotices((String) execution.getVariable(CampaignVariables.CAMPAIGN_ID));
        execution.setVariable(CampaignVariables.NOTICE_ENDS_AT, endsAt.toString());
    }
}
