package io.github.atlassianlifecycle.process.reconcile;

import java.util.List;

import io.github.atlassianlifecycle.reconciliation.ReconciliationService;

/** The names of {@code account-reconcile}'s variables, declared once (the model and the form use the same). */
public final class ReconcileVariables {

    public static final String PROCESS_KEY = ReconciliationService.PROCESS_KEY;

    /** Start: Boolean, optional (false): only report. */
    public static final String DRY_RUN = "dryRun";
    /** The authenticated starter ({@code camunda:initiator}); absent for the timer. */
    public static final String STARTER = "starter";
    /** The only variables a start may bring (the engine sets the starter). */
    public static final List<String> START_VARIABLES = List.of(DRY_RUN, STARTER);

    public static final String VALID = "valid";
    public static final String FAILURE_REASON = "failureReason";
    public static final String FINDING_COUNT = "findingCount";
    public static final String PROPOSAL_COUNT = "proposalCount";
    public static final String DISABLE_COUNT = "disableCount";
    public static final String MAX_DISABLE = "maxDisable";
    /** Whether there is anything for a person to decide: false for a dry run and for no proposal. */
    public static final String NEEDS_REVIEW = "needsReview";
    /** The findings as the reviewer reads them (one line each, key first), held as JSON so any length shows. */
    public static final String FINDINGS_TEXT = "findingsText";

    /** Review completion: Boolean, true to approve the proposals (but the excluded ones), false for none. */
    public static final String APPROVED = "approved";
    /** Review completion, optional: the keys of findings not to act on, separated by commas, spaces or lines. */
    public static final String EXCLUDED_FINDINGS = "excludedFindings";
    /**
     * Review completion, optional, instead of {@link #EXCLUDED_FINDINGS}: the keys of the only findings to act on (all
     * others are excluded), for keeping a few of many (a list of keys to exclude may not fit a String variable).
     */
    public static final String APPROVED_FINDINGS = "approvedFindings";
    /**
     * Review completion, optional Boolean (false): the approved {@code INACTIVE} findings run as one inactivity
     * campaign (a notice, a keep link, a disable at the end of the notice period for who did not keep access) instead
     * of a disable request each; the other kinds start their requests as always.
     */
    public static final String INACTIVE_AS_CAMPAIGN = "inactiveAsCampaign";
    /** Review and second approval: String; required to approve none, to exclude rows, and to refuse. */
    public static final String COMMENT = "comment";
    public static final List<String> REVIEW_FIELDS = List.of(APPROVED, EXCLUDED_FINDINGS, APPROVED_FINDINGS,
            INACTIVE_AS_CAMPAIGN, COMMENT);

    /** Second approval completion: Boolean, true to let the mass change go ahead. */
    public static final String CONFIRMED = "confirmed";
    public static final List<String> CONFIRM_FIELDS = List.of(CONFIRMED, COMMENT);

    public static final String REVIEWER = "reviewer";
    public static final String APPROVED_COUNT = "approvedCount";
    public static final String NEEDS_SECOND_APPROVAL = "needsSecondApproval";
    public static final String CONFIRMED_BY = "confirmedBy";
    public static final String REQUESTS_STARTED = "requestsStarted";
    /** The inactivity campaign the review's approved INACTIVE findings run as; absent when none started. */
    public static final String CAMPAIGN_ID = "campaignId";

    /** The BPMN error of a business failure (a contract break, a refusal): the reconciliation ends FAILED. */
    public static final String FAILED_ERROR = "reconcile-failed";

    /** The user task ids, which the listener tells apart. */
    public static final String REVIEW_TASK = "review";
    public static final String CONFIRM_TASK = "confirm-mass-change";

    private ReconcileVariables() {
    }
}
