package io.github.atlassianlifecycle.process;

/**
 * Names of the process variables the models and the Java glue share. The start variables and {@code approved} /
 * {@code comment} are public contracts (see design.md); the others are internal but shown in Cockpit.
 */
public final class ProcessVariables {

    public static final String ACCOUNT_ID = "accountId";
    public static final String EMAIL = "email";
    public static final String DISPLAY_NAME = "displayName";
    public static final String GROUPS = "groups";
    public static final String REASON = "reason";
    public static final String REASON_CODE = "reasonCode";
    /** The authenticated user who started the request ({@code camunda:initiator}), never client-supplied. */
    public static final String REQUESTER = "requester";

    /** ADD, DISABLE, ENABLE or DELETE: set from the process definition, shown to approvers. */
    public static final String ACTION = "action";
    /** Set from the authenticated requester's groups when the request starts (drives pre-approval). */
    public static final String REQUESTER_IS_AUTOMATION = "requesterIsAutomation";

    public static final String VALID = "valid";
    public static final String VALIDATION_ERRORS = "validationErrors";

    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final String APPROVER = "approver";

    /** The plan as JSON ({@link io.github.atlassianlifecycle.lifecycle.plan.Plan}). */
    public static final String PLAN = "plan";
    /** SHA-256 of the plan's canonical JSON: what approvals refer to. */
    public static final String PLAN_HASH = "planHash";
    /** The plan as an approver reads it. */
    public static final String PLAN_TEXT = "planText";
    /** One line on the account: name, email, id, who manages it, its state. */
    public static final String ACCOUNT_SUMMARY = "accountSummary";
    /** True when the plan has no calls: the account is already as requested. */
    public static final String NO_CHANGES = "noChanges";
    /** ADD only: a requested group is privileged, so a second approval is needed. */
    public static final String PRIVILEGED_GROUPS = "privilegedGroups";

    /** Approval routing (DMN {@code approval-routing}). */
    public static final String PRE_APPROVED = "preApproved";
    public static final String FIRST_APPROVER_GROUP = "firstApproverGroup";
    public static final String SECOND_APPROVER_GROUP = "secondApproverGroup";
    public static final String NEEDS_SECOND_APPROVAL = "needsSecondApproval";
    public static final String ROUTING_RULE = "routingRule";
    /** Every approval decision, as a JSON list (who, when, decision, comment, plan hash). */
    public static final String APPROVALS = "approvals";

    /** Drift check just before applying: the plan changed, so it goes back to approval. */
    public static final String DRIFTED = "drifted";
    public static final String DRIFT_COUNT = "driftCount";

    /** DISABLE and DELETE: the groups before the change, JSON, for undo. */
    public static final String SNAPSHOT = "snapshot";
    /** Results of the calls made so far, JSON list. */
    public static final String APPLIED_CALLS = "appliedCalls";
    /** Ids of calls an administrator chose to skip, JSON list. */
    public static final String SKIPPED_CALLS = "skippedCalls";
    /** The call that failed, for the "resolve manually" task. */
    public static final String FAILED_CALL = "failedCall";
    /** The administrator's choice on a failure: retry, skip or abort. */
    public static final String RESOLUTION = "resolution";

    public static final String STEP_RESULT = "stepResult";
    public static final String FAILURE_CODE = "failureCode";
    public static final String FAILURE_MESSAGE = "failureMessage";
    /** How the request ended: completed, rejected, expired, cancelled, invalid or failed. */
    public static final String OUTCOME = "outcome";

    private ProcessVariables() {
    }
}
