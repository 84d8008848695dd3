package io.github.atlassianlifecycle.request;

import io.github.atlassianlifecycle.lifecycle.ApprovalRoute;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;

/**
 * What {@link RequestService} needs for a dry run, in the request's own words: what the request's process would
 * plan and how it would route the plan, worked out the process's own way (its side lives with the process) and
 * leaving no trace: it reads Atlassian and the engine, and writes nothing anywhere.
 */
public interface RequestPreview {

    /**
     * What the process would do with the request if the authenticated caller submitted it now.
     *
     * @throws PreviewUnavailableException when Atlassian cannot be read just now (a real request would retry)
     */
    Preview preview(NewRequest request);

    /**
     * @param plan the plan approvers would see; null when planning was refused
     * @param route who would approve; null when there is nothing to route (no plan, or nothing to change)
     * @param refusal why the process could not plan the request; null when it could
     */
    record Preview(Plan plan, ApprovalRoute route, Refusal refusal) {
    }

    /**
     * A business refusal the process would meet while planning, which would stop it at "Resolve manually".
     *
     * @param code the process's business error ({@link io.github.atlassianlifecycle.lifecycle.BusinessError})
     */
    record Refusal(String code, String message) {
    }
}
