package io.github.atlassianlifecycle.process.campaign;

import java.util.List;

import io.github.atlassianlifecycle.campaign.CampaignService;

/** The names of {@code account-campaign}'s variables, declared once (the model and the form use the same). */
public final class CampaignVariables {

    public static final String PROCESS_KEY = CampaignService.PROCESS_KEY;

    /** Start: the campaign the process carries, its only start variable (the rows are in the campaign store). */
    public static final String CAMPAIGN_ID = "campaignId";
    /** The authenticated starter ({@code camunda:initiator}). */
    public static final String REQUESTER = "requester";
    public static final List<String> START_VARIABLES = List.of(CAMPAIGN_ID, REQUESTER);

    public static final String VALID = "valid";
    public static final String VALIDATION_ERRORS = "validationErrors";
    /** Shown to the approver: how many people, the reconciliation, and the people (one line each). */
    public static final String ROW_COUNT = "campaignSize";
    public static final String RECONCILIATION_ID = "reconciliationId";
    public static final String ROWS_TEXT = "campaignRows";
    public static final String NOTICE_PERIOD = "noticePeriod";

    /** Approval completion: Boolean, and a comment (required to reject). */
    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final List<String> APPROVAL_FIELDS = List.of(APPROVED, COMMENT);
    public static final String APPROVER = "approver";

    /** The end of the notice period, ISO-8601: the timer waits for it. */
    public static final String NOTICE_ENDS_AT = "noticeEndsAt";
    public static final String REQUESTS_STARTED = "requestsStarted";

    public static final String APPROVAL_TASK = "approve-campaign";

    /** The message that ends the campaign wherever it waits ({@code POST /api/campaigns/{id}/cancel}). */
    public static final String CANCELLED_MESSAGE = "campaign-cancelled";
    /** Who cancelled it. */
    public static final String CANCELLED_BY = "cancelledBy";

    private CampaignVariables() {
    }
}
