package io.github.atlassianlifecycle.request;

import java.util.Map;

/**
 * What {@link RequestService} needs of the process engine, in the request's own words: the engine's side lives with
 * the process (its Camunda implementation), so that the request rules know no engine types. Every method but
 * {@link #start} runs without the caller's engine authorizations: the API has already decided who may do what.
 */
public interface RequestEngine {

    /**
     * Starts the lifecycle process of the stored request's action, with the request's inputs as its start variables
     * and its id as the business key, as the authenticated caller (who becomes its requester), in the caller's
     * transaction.
     *
     * @return the id of the process instance that carries the request
     */
    String start(StoredRequest request);

    /** Where the running instance waits; {@link Waiting#NEITHER} as well when it is ending this very moment. */
    Waiting waiting(String processInstanceId);

    /**
     * Whether the instance has an approval or an applied call on record. An instance that has ended (a moment
     * before the request store caught up) answers true: too late as well.
     */
    boolean approvedOrApplied(String processInstanceId);

    /**
     * What the instance recorded, alive or ended: a JSON variable as its text, any other as its value, and no entry
     * for what it has not recorded.
     */
    Map<Recorded, Object> recorded(String processInstanceId);

    /** Withdraws the instance: it ends {@code cancelled}, withdrawn by {@code user}. */
    void withdraw(String processInstanceId, String user);

    /** Cancels the deletion the instance (a delete in its grace period) waits to make. */
    void cancelDeletion(String processInstanceId);

    /** The process definition and instance that carried the request, for its evidence. */
    Evidence.Governance governance(String processInstanceId);

    /** Where a running instance waits, as far as its request's status cares. */
    enum Waiting {
        /** At an approval, for a person's decision. */
        FOR_APPROVAL,
        /** At a timer or a message: a delete's grace period. */
        FOR_GRACE_PERIOD,
        /** At neither: it is working. */
        NEITHER
    }

    /** What a request's process records that its state and its evidence show. */
    enum Recorded {
        /** The plan, JSON. */
        PLAN,
        PLAN_HASH,
        /** The plan as approvers read it. */
        PLAN_TEXT,
        /** Every approval decision, JSON list. */
        APPROVALS,
        /** Every administrator's decision on a failure, JSON list. */
        RESOLUTIONS,
        /** What became of each call made, JSON list. */
        CALL_RESULTS,
        /** The account as read back after applying, JSON. */
        FINAL_STATE,
        OUTCOME,
        FAILURE_CODE,
        FAILURE_MESSAGE,
        VALIDATION_ERRORS
    }
}
