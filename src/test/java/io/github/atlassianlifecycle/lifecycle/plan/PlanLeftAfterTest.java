package io.github.atlassianlifecycle.lifecycle.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;

/** What a plan computed again after applying still wants: the verification's rule. */
class PlanLeftAfterTest {

    static final Set<PlanStep> BOTH = Set.of(PlanStep.ACCOUNT, PlanStep.GROUPS);

    final PlannedCall invite = call("1", PlanStep.ACCOUNT, Operation.INVITE, Map.of("email", "ada@demo.example"));
    final PlannedCall developers = call("2", PlanStep.GROUPS, Operation.ADD_JIRA_GROUP,
            Map.of("groupId", "j-developers"));
    final Plan applied = plan(invite, developers);

    @Test
    void nothing_is_left_when_the_read_back_plan_is_empty() {
        assertThat(plan().leftAfter(applied, BOTH, Set.of())).isEmpty();
    }

    @Test
    void a_call_still_planned_is_left_whatever_its_number() {
        PlannedCall again = call("1", PlanStep.GROUPS, Operation.ADD_JIRA_GROUP, Map.of("groupId", "j-developers"));
        assertThat(plan(again).leftAfter(applied, BOTH, Set.of())).containsExactly(again);
    }

    @Test
    void a_call_an_administrator_skipped_may_remain_even_now_that_the_account_has_an_id() {
        PlannedCall again = call("1", PlanStep.GROUPS, Operation.ADD_JIRA_GROUP,
                Map.of("groupId", "j-developers", "accountId", "5b10ac8d82e05b22cc7d4ef6"));
        assertThat(plan(again).leftAfter(applied, BOTH, Set.of("2"))).isEmpty();
        assertThat(plan(again).leftAfter(applied, BOTH, Set.of("1"))).as("only the skipped call").containsExactly(again);
    }

    @Test
    void calls_of_steps_not_yet_applied_are_not_left() {
        PlannedCall later = call("1", PlanStep.AFTER_GRACE, Operation.DELETE_ACCOUNT, Map.of("accountId", "x"));
        assertThat(plan(later).leftAfter(applied, BOTH, Set.of())).isEmpty();
        assertThat(plan(later).leftAfter(applied, Set.of(PlanStep.AFTER_GRACE), Set.of())).containsExactly(later);
    }

    private static PlannedCall call(String id, PlanStep step, Operation operation, Map<String, String> params) {
        return new PlannedCall(id, step, operation, operation.name(), params, "effect");
    }

    private static Plan plan(PlannedCall... calls) {
        return new Plan(LifecycleAction.ADD, AccountFacts.absent("ada@demo.example"), List.of(calls), List.of());
    }
}
