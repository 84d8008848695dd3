package io.github.atlassianlifecycle.process.decisions;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.github.atlassianlifecycle.lifecycle.Resolution;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/** The administrators' decisions on failures, and what derives from them: which calls were skipped. */
public final class Resolutions {

    private Resolutions() {
    }

    static List<Resolution> all(VariableScope scope) {
        return JsonVariables.list(scope, ProcessVariables.RESOLUTIONS, Resolution.class);
    }

    /** The numbers of the calls of the plan whose SHA-256 is {@code planHash} that an administrator skipped. */
    public static Set<String> skipped(VariableScope scope, String planHash) {
        return all(scope).stream().filter(resolution -> resolution.skips(planHash)).map(Resolution::failedCall)
                .collect(Collectors.toSet());
    }
}
