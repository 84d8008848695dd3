package io.github.atlassianlifecycle.process.campaign;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignEngine;

/**
 * Starts {@code account-campaign} as the caller the identity service names (the REST API sets it), and cancels it
 * with its message {@value CampaignVariables#CANCELLED_MESSAGE}.
 */
public class CamundaCampaignEngine implements CampaignEngine {

    private final ProcessEngine engine;

    public CamundaCampaignEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public String start(Campaign campaign) {
        return engine.getRuntimeService().startProcessInstanceByKey(CampaignVariables.PROCESS_KEY, campaign.id(),
                Map.of(CampaignVariables.CAMPAIGN_ID, campaign.id())).getId();
    }

    @Override
    public void cancel(Campaign campaign, String by) {
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        // The API let the caller cancel (lifecycle-security); the engine's grants on the instance are not theirs.
        identity.clearAuthentication();
        try {
            engine.getRuntimeService().createMessageCorrelation(CampaignVariables.CANCELLED_MESSAGE)
                    .processInstanceBusinessKey(campaign.id())
                    .setVariable(CampaignVariables.CANCELLED_BY, by).correlateAll();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
