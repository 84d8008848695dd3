package io.github.atlassianlifecycle.campaign;

/** What {@link CampaignService} needs of the process engine: the campaign's process started as the caller. */
public interface CampaignEngine {

    /**
     * Starts the campaign's process with its id as the only start variable and as the business key, as the
     * authenticated caller, in the caller's transaction.
     *
     * @return the id of the process instance that carries the campaign
     */
    String start(Campaign campaign);

    /**
     * Ends the campaign's process, wherever it waits (its approval, the notice period), in the caller's transaction;
     * nothing when it has ended. The caller decided who may: the engine does not ask again.
     */
    void cancel(Campaign campaign, String by);
}
