package io.github.atlassianlifecycle.process.variables;

import java.util.List;

/**
 * Names of the process variables the models and the Java glue share. The start variables and {@code approved} /
 * {@code comment} are public contracts (see design.md); the others are internal but shown in Cockpit.
 *
 * <p>Three lists derive the rules of what may enter a request: {@link #START_VARIABLES} (all a start may set),
 * {@link #APPROVAL_FIELDS} and {@link #RESOLUTION_FIELDS} (all a completion of those tasks may set), and
 * {@link #PROCESS_STATE} (what only the process's own steps write, under their seal).
 */
public final class ProcessVariables {

    /**
     * The longest String variable the engine stores (its history and variable columns hold 4000 characters): a
     * completion that sends a longer text is refused by the task's listener with a clear message, before the
     * database would refuse it with an opaque persistence error.
     */
    public static final int STRING_LIMIT = 4000;

    public static final String ACCOUNT_ID = "accountId";
    public static final String EMAIL = "email";
    public static final String DISPLAY_NAME = "displayName";
    public static final String GROUPS = "groups";
    public static final String REASON = "reason";
    public static final String REASON_CODE = "reasonCode";
    /** The authenticated user who started the request ({@code camunda:initiator}), never client-supplied. */
    public static final String REQUESTER = "requester";

    /** The documented start variables (design.md), the only ones a start may set; {@code requester} is not one. */
    public static final List<String> START_VARIABLES = List.of(ACCOUNT_ID, EMAIL, DISPLAY_NAME, GROUPS, REASON,
            REASON_CODE);

    /** ADD, DISABLE, ENABLE or DELETE: set from the process definition, shown to approvers. */
    public static final String ACTION = "action";
    /** Set from the authenticated requester's groups when the request starts (drives pre-approval). */
    public static final String REQUESTER_IS_AUTOMATION = "requesterIsAutomation";

    public static final String VALID = "valid";
    public static final String VALIDATION_ERRORS = "validationErrors";

    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final String APPROVER = "approver";
    /** What completing an approval task ("approve", "approve-second") may set. */
    public static final List<String> APPROVAL_FIELDS = List.of(APPROVED, COMMENT);

    /** The plan as JSON ({@link io.github.atlassianlifecycle.lifecycle.plan.Plan}). */
    public static final String PLAN = "plan";
    /** SHA-256 of the plan's canonical JSON: what approvals refer to. */
    public static final String PLAN_HASH = "planHash";
    /** The plan as an approver reads it: a JSON string, so that no length limit cuts it. */
    public static final String PLAN_TEXT = "planText";
    /** One line on the account: name, email, id, who manages it, its state. */
    public static final String ACCOUNT_SUMMARY = "accountSummary";
    /** True when the plan has no calls: the account is already as requested. */
    public static final String NO_CHANGES = "noChanges";
    /** ADD only: a requested group is privileged, so a second approval is needed. */
    public static final String PRIVILEGED_GROUPS = "privilegedGroups";
    /** ENABLE only: the process instance of the account's delete whose grace period this enable cancels. */
    public static final String PENDING_DELETION = "pendingDeletion";

    /** Approval routing (DMN {@code approval-routing}). */
    public static final String PRE_APPROVED = "preApproved";
    public static final String FIRST_APPROVER_GROUP = "firstApproverGroup";
    public static final String SECOND_APPROVER_GROUP = "secondApproverGroup";
    public static final String NEEDS_SECOND_APPROVAL = "needsSecondApproval";
    public static final String ROUTING_RULE = "routingRule";
    /** Every approval decision, as a JSON list (who, when, decision, comment, plan hash). */
    public static final String APPROVALS = "approvals";
    /** Where in {@code approvals} the current round of approval begins (each routing starts one). */
    public static final String APPROVALS_FROM = "approvalsFrom";

    /** Drift check just before applying: the plan changed, so it goes back to approval. */
    public static final String DRIFTED = "drifted";
    public static final String DRIFT_COUNT = "driftCount";
    /** The hash of the approved plan whose calls are being made (set when the re-check lets it through). */
    public static final String APPLYING_PLAN = "applyingPlan";

    /** DISABLE and DELETE: the groups before the change, JSON, for undo. */
    public static final String SNAPSHOT = "snapshot";
    /** The engine's seal on the snapshot, so that an enable restores only snapshots the process took. */
    public static final String SNAPSHOT_SEAL = "snapshotSeal";
    /** Results of the calls made so far, JSON list. */
    public static final String APPLIED_CALLS = "appliedCalls";
    /** The call that failed, for the "resolve manually" task. */
    public static final String FAILED_CALL = "failedCall";
    /** The hash of the plan the failed call belongs to. */
    public static final String FAILED_PLAN = "failedPlan";
    /** Where the request failed (plan, recheck, apply, disable, delete, undo): set by the models. */
    public static final String FAILED_AT = "failedAt";
    /** The administrator's choice on a failure: retry, skip or abort. */
    public static final String RESOLUTION = "resolution";
    /** What completing the "resolve manually" task may set. */
    public static final List<String> RESOLUTION_FIELDS = List.of(RESOLUTION, COMMENT);
    /**
     * Every administrator's decision on a failure, JSON list of
     * {@link io.github.atlassianlifecycle.lifecycle.Resolution}: the skipped calls derive from it.
     */
    public static final String RESOLUTIONS = "resolutions";
    /** Set by verification: a call was skipped, so the request ends {@code partially-applied}. */
    public static final String PARTIALLY_APPLIED = "partiallyApplied";
    /** Cancelling a deletion: the enable that undoes its disable, and its hash. */
    public static final String UNDO_PLAN = "undoPlan";
    public static final String UNDO_PLAN_HASH = "undoPlanHash";
    /** The account as read back after applying: the evidence's "final state". */
    public static final String FINAL_STATE = "finalState";

    public static final String STEP_RESULT = "stepResult";
    public static final String FAILURE_CODE = "failureCode";
    public static final String FAILURE_MESSAGE = "failureMessage";
    /**
     * How the request ended: completed, partially-applied, rejected, expired, cancelled, invalid or failed (a
     * designer's own end event may set another).
     */
    public static final String OUTCOME = "outcome";

    /** The seal of {@link #PROCESS_STATE}, kept by the steps that write it. */
    public static final String STATE_SEAL = "stateSeal";

    /**
     * The request and what was decided and done about it: written only by the process's own steps, each of which
     * seals it again ({@code seal.ProcessState}); each step that reads it checks the seal first.
     */
    public static final List<String> PROCESS_STATE = List.of(ACCOUNT_ID, EMAIL, DISPLAY_NAME, GROUPS, REASON,
            REASON_CODE, REQUESTER, REQUESTER_IS_AUTOMATION, ACTION, VALID, PLAN, PLAN_HASH, PLAN_TEXT,
            ACCOUNT_SUMMARY, NO_CHANGES, PRIVILEGED_GROUPS, PENDING_DELETION, PRE_APPROVED, FIRST_APPROVER_GROUP,
            SECOND_APPROVER_GROUP, NEEDS_SECOND_APPROVAL, ROUTING_RULE, APPROVALS, APPROVALS_FROM, DRIFTED, DRIFT_COUNT,
            APPLYING_PLAN, SNAPSHOT, SNAPSHOT_SEAL, APPLIED_CALLS, FAILED_CALL, FAILED_PLAN, RESOLUTIONS,
            PARTIALLY_APPLIED, UNDO_PLAN, UNDO_PLAN_HASH, FINAL_STATE);

    // --- the batch approval process (account-batch) ------------------------------------------------------

    /** The batch the process carries: its only start variable (the rows are in the batch store, not variables). */
    public static final String BATCH_ID = "batchId";
    /** The documented start variables of {@code account-batch}; {@code requester} is not one. */
    public static final List<String> BATCH_START_VARIABLES = List.of(BATCH_ID);
    /** Shown to the approver: how many rows the batch asks for, what they ask by action, and the rows. */
    public static final String BATCH_SIZE = "batchSize";
    public static final String BATCH_SUMMARY = "batchSummary";
    public static final String BATCH_ROWS = "batchRows";
    /**
     * Completing the batch approval: the lines (as the batch numbers them) of rows the approver leaves out, as a
     * comma-separated String ("3, 17") or a JSON array of numbers; optional.
     */
    public static final String EXCLUDED_LINES = "excludedLines";
    /** What completing the batch approval task ("approve-batch") may set. */
    public static final List<String> BATCH_APPROVAL_FIELDS = List.of(APPROVED, COMMENT, EXCLUDED_LINES);
    /** The element variable of the step that starts one row's request: the row's line. */
    public static final String LINE = "line";

    private ProcessVariables() {
    }
}
