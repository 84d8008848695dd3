package io.github.atlassianlifecycle.request;

import java.util.ArrayList;
import java.util.List;

import io.github.atlassianlifecycle.lifecycle.ApprovalRoute;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;

/**
 * What a request would do if it were submitted now, and nothing done: the plan from live state, who would approve
 * it, and what would stop it.
 *
 * @param plan the plan approvers would see; null when it could not be planned
 * @param route who would approve; null when nothing would be routed
 * @param problems what a real submission would meet: a request already open (the API's 409), a refusal while
 *        planning (the process's business error)
 * @param openRequest the request for the same account and action that is still open, if any
 */
public record DryRun(Result result, Plan plan, ApprovalRoute route, List<Problem> problems, StoredRequest openRequest) {

    /** The problem code of a request for the same account and action that is still open. */
    public static final String DUPLICATE_REQUEST = "DUPLICATE_REQUEST";

    public DryRun {
        problems = List.copyOf(problems);
    }

    /** What would become of the request, first thing. */
    public enum Result {
        /** Not started at all: a request for the same account and action is still open (409). */
        DUPLICATE_REQUEST,
        /** Started, and stopped at "Resolve manually": Atlassian refuses what planning needs. */
        NEEDS_MANUAL_RESOLUTION,
        /** Started and ended at once: the account is already as asked. */
        NOTHING_TO_DO,
        /** Started, approved by policy, and applied at once. */
        PRE_APPROVED,
        /** Started, and waiting for the approvers the route names. */
        WAITS_FOR_APPROVAL
    }

    /** One thing a real submission would meet. */
    public record Problem(String code, String message) {
    }

    /** The dry run of a preview, given the request still open for the same account and action (or null). */
    static DryRun of(RequestPreview.Preview preview, StoredRequest open) {
        List<Problem> problems = new ArrayList<>();
        if (open != null) {
            problems.add(new Problem(DUPLICATE_REQUEST, "Request " + open.id() + " (" + open.action() + " "
                    + open.account() + ") is still open: a submission now would be refused (409)."));
        }
        if (preview.refusal() != null) {
            problems.add(new Problem(preview.refusal().code(), preview.refusal().message()));
        }
        Plan plan = preview.plan();
        Result result = open != null ? Result.DUPLICATE_REQUEST
                : preview.refusal() != null || plan == null ? Result.NEEDS_MANUAL_RESOLUTION
                : plan.isEmpty() ? Result.NOTHING_TO_DO
                : preview.route() != null && preview.route().preApproved() ? Result.PRE_APPROVED
                : Result.WAITS_FOR_APPROVAL;
        boolean routed = plan != null && !plan.isEmpty();
        return new DryRun(result, plan, routed ? preview.route() : null, problems, open);
    }
}
