package io.github.atlassianlifecycle.api.request;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.ApprovalRoute;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanText;
import io.github.atlassianlifecycle.request.DryRun;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * A dry run as the API shows it. The plan is the JSON, hash and text a real request's process would record and its
 * approvers would see (written by {@link PlanJson}, as the process writes it), so the two can be compared.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DryRun", description = "What the request would do if submitted now; nothing was started or stored")
public record DryRunView(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Always true: nothing was done") boolean dryRun,
        @Schema(requiredMode = RequiredMode.REQUIRED) String action,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The account id or email asked for") String account,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "What would become of the request first: "
                + "WAITS_FOR_APPROVAL, PRE_APPROVED (applied at once), NOTHING_TO_DO (the account is already as "
                + "asked), NEEDS_MANUAL_RESOLUTION (Atlassian refuses what planning needs; see problems), "
                + "DUPLICATE_REQUEST (a submission now would be 409; see openRequest)") DryRun.Result result,
        @Schema(description = "The plan from live Atlassian state, as the approvers would see it") JsonNode plan,
        @Schema(description = "SHA-256 of the plan, as the request's approvals and evidence would name it")
        String planHash,
        @Schema(description = "The plan as the approvers read it in Tasklist") String planText,
        @Schema(description = "Who would approve; absent when nothing would be routed") Routing routing,
        @Schema(description = "What a real submission would meet") List<Finding> problems,
        @Schema(description = "DUPLICATE_REQUEST: the request for the same account and action still open")
        RequestView openRequest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The routing decision of the table approval-routing. */
    @Schema(name = "DryRunRouting")
    record Routing(
            @Schema(description = "Policy approves it: no person is asked") boolean preApproved,
            @Schema(description = "The group whose members would approve first") String firstApproverGroup,
            @Schema(description = "The group whose members would approve second; empty when none")
            String secondApproverGroup,
            @Schema(description = "A second, different person must approve too") boolean needsSecondApproval,
            @Schema(description = "Why, in the table's words") String rule) {

        static Routing of(ApprovalRoute route) {
            return route == null ? null : new Routing(route.preApproved(), route.firstApproverGroup(),
                    route.secondApproverGroup(), route.needsSecondApproval(), route.rule());
        }
    }

    /** One problem a real submission would meet. */
    @Schema(name = "DryRunProblem")
    record Finding(
            @Schema(description = "DUPLICATE_REQUEST, or the process's business error (ACCOUNT_NOT_FOUND, "
                    + "UNKNOWN_GROUP, ACCOUNT_NOT_MANAGED, ...)") String code,
            String message) {
    }

    static DryRunView of(DryRun dryRun, String action, String account, RequestView openRequest) {
        Plan plan = dryRun.plan();
        return new DryRunView(true, action, account, dryRun.result(), plan == null ? null : json(PlanJson.write(plan)),
                plan == null ? null : PlanJson.hash(plan), plan == null ? null : PlanText.of(plan),
                Routing.of(dryRun.route()),
                dryRun.problems().stream().map(problem -> new Finding(problem.code(), problem.message())).toList(),
                openRequest);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("a plan written as JSON is not JSON", e);
        }
    }
}
