package io.github.atlassianlifecycle.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who approves a request, as the designers' decision table {@code approval-routing} decides it, with the two rules
 * that hold whatever the table says: a delete is never pre-approved and always has a second approval. The process's
 * routing step and the dry run read the table's answer through {@link #of}, so both route a request alike.
 *
 * @param preApproved policy approves it: no person is asked
 * @param firstApproverGroup the group whose members approve first
 * @param secondApproverGroup the group whose members approve second; empty when there is no second approval
 * @param needsSecondApproval whether a second, different person must approve too
 * @param rule why, in the table's words
 */
public record ApprovalRoute(boolean preApproved, String firstApproverGroup, String secondApproverGroup,
        boolean needsSecondApproval, String rule) {

    public static final String DEFAULT_APPROVERS = "lifecycle-approvers";
    public static final String DEFAULT_SECOND_APPROVERS = "lifecycle-security";

    /**
     * The table's inputs (their names are the table's input variables).
     *
     * @param requesterIsAutomation the requester is in {@code lifecycle-automation}
     * @param privilegedGroups the plan grants a group whose grant needs a second approval
     */
    public static Map<String, Object> inputs(LifecycleAction action, String reasonCode, boolean requesterIsAutomation,
            boolean privilegedGroups) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("action", action.name());
        inputs.put("reasonCode", reasonCode == null ? ReasonCode.OTHER.name() : reasonCode);
        inputs.put("requesterIsAutomation", requesterIsAutomation);
        inputs.put("privilegedGroups", privilegedGroups);
        return inputs;
    }

    /**
     * The route from the outputs of the table's matching rule ({@code preApproved}, {@code firstApproverGroup},
     * {@code secondApproverGroup}, {@code rule}); empty when no rule matched.
     */
    public static ApprovalRoute of(LifecycleAction action, Map<String, Object> outputs) {
        boolean delete = action == LifecycleAction.DELETE;
        boolean preApproved = Boolean.TRUE.equals(outputs.get("preApproved")) && !delete;
        String first = text(outputs.get("firstApproverGroup"), DEFAULT_APPROVERS);
        String second = text(outputs.get("secondApproverGroup"), delete ? DEFAULT_SECOND_APPROVERS : "");
        String rule = text(outputs.get("rule"), "no rule matched: default routing");
        return new ApprovalRoute(preApproved, first, second, !preApproved && !second.isBlank(), rule);
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
