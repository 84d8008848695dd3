package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a plan's calls, numbering them in order. */
final class CallList {

    private final List<PlannedCall> calls = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    CallList add(PlanStep step, Operation operation, String target, String... params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null) {
                values.put(params[i], params[i + 1]);
            }
        }
        calls.add(new PlannedCall(String.valueOf(calls.size() + 1), step, operation, target, values, operation.effect()));
        return this;
    }

    CallList note(String note) {
        notes.add(note);
        return this;
    }

    List<PlannedCall> calls() {
        return calls;
    }

    List<String> notes() {
        return notes;
    }
}
