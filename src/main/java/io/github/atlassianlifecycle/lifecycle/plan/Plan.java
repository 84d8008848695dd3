package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.ArrayList;
import java.util.EnumSet;
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
     * The calls of {@code applied} named in {@code mayRemain} (those an administrator skipped) may remain. Calls
     * match by the change they make, not by their number in one plan or the other.
     */
    public List<PlannedCall> leftAfter(Plan applied, Set<PlanStep> steps, Set<String> mayRemain) {
        Set<String> allowed = applied.calls().stream().filter(call -> mayRemain.contains(call.id()))
                .map(Plan::change).collect(Collectors.toSet());
        return calls.stream().filter(call -> steps.contains(call.step()))
                .filter(call -> !allowed.contains(change(call))).toList();
    }

    /**
     * The calls of this plan, computed again from live state, that {@code approved} does not hold: new calls, or
     * calls that would now change something else. Empty when what is left to do is a part of the approved plan
     * (for example because some of its calls were made before a step failed). Calls match as in {@link #leftAfter}.
     */
    public List<PlannedCall> notApprovedIn(Plan approved) {
        return leftAfter(approved, EnumSet.allOf(PlanStep.class),
                approved.calls().stream().map(PlannedCall::id).collect(Collectors.toSet()));
    }

    /** This plan with one more note for its approvers. */
    public Plan withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Plan(action, account, calls, more);
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
