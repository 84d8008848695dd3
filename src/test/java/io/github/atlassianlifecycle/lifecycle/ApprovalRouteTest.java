package io.github.atlassianlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The routing table's answer as the process and the dry run read it, with the rules the table cannot undo. */
class ApprovalRouteTest {

    @Test
    void a_matching_rule_names_the_groups_and_whether_a_second_approval_is_needed() {
        ApprovalRoute route = ApprovalRoute.of(LifecycleAction.ADD, Map.of("preApproved", false,
                "firstApproverGroup", "lifecycle-approvers", "secondApproverGroup", "lifecycle-security",
                "rule", "the request grants a privileged group"));

        assertThat(route).isEqualTo(new ApprovalRoute(false, "lifecycle-approvers", "lifecycle-security", true,
                "the request grants a privileged group"));
    }

    @Test
    void a_pre_approved_request_needs_no_second_approval_even_when_the_rule_names_a_group() {
        ApprovalRoute route = ApprovalRoute.of(LifecycleAction.DISABLE, Map.of("preApproved", true,
                "firstApproverGroup", "lifecycle-approvers", "secondApproverGroup", "lifecycle-security", "rule", "r"));

        assertThat(route.preApproved()).isTrue();
        assertThat(route.needsSecondApproval()).isFalse();
    }

    @Test
    void a_delete_is_never_pre_approved_and_always_has_a_second_approval_whatever_the_table_says() {
        ApprovalRoute route = ApprovalRoute.of(LifecycleAction.DELETE, Map.of("preApproved", true,
                "secondApproverGroup", "", "rule", "a table that got it wrong"));

        assertThat(route.preApproved()).isFalse();
        assertThat(route.secondApproverGroup()).isEqualTo(ApprovalRoute.DEFAULT_SECOND_APPROVERS);
        assertThat(route.needsSecondApproval()).isTrue();
    }

    @Test
    void no_matching_rule_routes_to_the_approvers_alone() {
        ApprovalRoute route = ApprovalRoute.of(LifecycleAction.ENABLE, Map.of());

        assertThat(route).isEqualTo(new ApprovalRoute(false, ApprovalRoute.DEFAULT_APPROVERS, "", false,
                "no rule matched: default routing"));
    }

    @Test
    void the_inputs_name_the_tables_input_variables_and_default_the_reason_code() {
        assertThat(ApprovalRoute.inputs(LifecycleAction.DISABLE, null, true, false)).containsExactly(
                Map.entry("action", "DISABLE"), Map.entry("reasonCode", "OTHER"),
                Map.entry("requesterIsAutomation", true), Map.entry("privilegedGroups", false));
    }
}
