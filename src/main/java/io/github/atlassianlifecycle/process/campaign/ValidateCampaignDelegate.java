package io.github.atlassianlifecycle.process.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.process.engine.InstanceAuthorizations;

/**
 * The first step of {@code account-campaign}: only {@code campaignId} enters, the starter is authenticated and is
 * the campaign's requester, and no other instance carries it (tied to this one here, once). Then what the approver
 * reads. An invalid start ends "Rejected: invalid campaign".
 */
public class ValidateCampaignDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final Duration noticePeriod;

    public ValidateCampaignDelegate(CampaignService campaigns, Duration noticePeriod) {
        this.campaigns = campaigns;
        this.noticePeriod = noticePeriod;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(execution.getVariableNames())) {
            if (!CampaignVariables.START_VARIABLES.contains(name)) {
                problems.add(name + ": is not a start variable of this process (that is: "
                        + CampaignVariables.CAMPAIGN_ID + ")");
            }
        }
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String requester = authentication == null ? null : authentication.getUserId();
        Object campaignId = execution.getVariable(CampaignVariables.CAMPAIGN_ID);
        if (requester == null) {
            problems.add("requester: the campaign was not started by an authenticated user");
        }
        if (!(campaignId instanceof String id) || id.isBlank()) {
            problems.add("campaignId: is required");
        } else if (problems.isEmpty() && !campaigns.attach(id, requester, execution.getProcessInstanceId())) {
            problems.add("campaignId: no campaign of yours waits for its process");
        }
        boolean valid = problems.isEmpty();
        execution.setVariable(CampaignVariables.VALID, valid);
        execution.setVariable(CampaignVariables.VALIDATION_ERRORS, String.join("; ", problems));
        if (!valid) {
            return;
        }
        InstanceAuthorizations.letRequesterRead(execution, requester);
        String id = (String) campaignId;
        Campaign campaign = campaigns.find(id).orElseThrow();
        var rows = campaigns.rows(id);
        execution.setVariable(CampaignVariables.RECONCILIATION_ID, campaign.reconciliationId());
        execution.setVariable(CampaignVariables.ROW_COUNT, rows.size());
        execution.setVariable(CampaignVariables.NOTICE_PERIOD, noticePeriod.toString());
        // JSON, as the batch's rows: a String variable holds 4000 characters, the people may need more.
        String text = rows.stream().map(row -> row.accountId() + (row.email() == null ? "" : " " + row.email()))
                .collect(Collectors.joining("\n"));
        execution.setVariable(CampaignVariables.ROWS_TEXT, Variables.objectValue(text)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
