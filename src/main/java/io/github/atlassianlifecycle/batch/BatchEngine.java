package io.github.atlassianlifecycle.batch;

/**
 * What {@link BatchService} needs of the process engine: the batch's approval process started, in the caller's
 * words. Its Camunda side lives with the process glue.
 */
public interface BatchEngine {

    /**
     * Starts the approval process of the stored batch, with its id as the only start variable and as the business
     * key, as the authenticated caller (who becomes its requester), in the caller's transaction.
     *
     * @return the id of the process instance that carries the batch
     */
    String start(Batch batch);
}
