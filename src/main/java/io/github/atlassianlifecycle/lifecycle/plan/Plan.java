package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;

/**
 * What a request will do, computed from live state: the account as Atlassian sees it now, the calls that will be
 * made, in order, and notes an approver should read. Approvers approve exactly this; the process recomputes it just
 * before applying and goes back to approval if it changed.
 */
public record Plan(LifecycleAction action, AccountFacts account, List<PlannedCall> calls, List<String> notes) {

    public Plan {
        calls = calls == null ? List.of() : List.copyOf(calls);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    @JsonIgnore
    public List<PlannedCall> calls(PlanStep step) {
        return calls.stream().filter(call -> call.step() == step).toList();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return calls.isEmpty();
    }

    /**
     * What this plan, computed again after {@code applied} was carried out, still wants to do in {@code steps}.
     * The calls of {@code applied} that an administrator skipped may remain. Calls match by the change they make,
     * not by their number in one plan or the other.
     */
    public List<PlannedCall> leftAfter(Plan applied, Set<PlanStep> steps, Set<String> skippedCallIds) {
        Set<String> skipped = applied.calls().stream().filter(call -> skippedCallIds.contains(call.id()))
                .map(Plan::change).collect(Collectors.toSet());
        return calls.stream().filter(call -> steps.contains(call.step()))
                .filter(call -> !skipped.contains(change(call))).toList();
    }

    /**
     * The change a call makes, without the account id: a plan is about one account, and a new person's calls were
     * planned before the account (and its id) existed.
     */
    private static String change(PlannedCall call) {
        Map<String, String> params = new TreeMap<>(call.params());
        params.remove("accountId");
        return call.operation() + " " + params;
    }
}
