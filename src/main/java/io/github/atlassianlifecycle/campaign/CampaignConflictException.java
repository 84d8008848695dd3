package io.github.atlassianlifecycle.campaign;

/**
 * A campaign cannot be made or changed because of another campaign's state (a second one of the same reconciliation,
 * a cancel after its disables started): the campaign it names is the one in the way.
 */
public class CampaignConflictException extends RuntimeException {

    private final String campaignId;

    public CampaignConflictException(String campaignId, String message) {
        super(message, null, false, false);
        this.campaignId = campaignId;
    }

    /** The campaign in the way. */
    public String campaignId() {
        return campaignId;
    }
}
