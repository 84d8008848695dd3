package io.github.atlassianlifecycle.process.campaign;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignEngine;

/** Starts {@code account-campaign} as the caller the identity service names (the REST API sets it). */
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
}
