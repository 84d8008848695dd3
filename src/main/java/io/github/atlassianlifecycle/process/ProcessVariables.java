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

    public static final String VALID = "valid";
    public static final String VALIDATION_ERRORS = "validationErrors";

    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final String APPROVER = "approver";

    public static final String STEP_RESULT = "stepResult";
    public static final String FAILURE_CODE = "failureCode";
    public static final String FAILURE_MESSAGE = "failureMessage";
    /** How the request ended: completed, rejected, expired, cancelled, invalid or failed. */
    public static final String OUTCOME = "outcome";

    private ProcessVariables() {
    }
}
