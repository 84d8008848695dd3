package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.List;

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
}
