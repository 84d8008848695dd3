package io.github.atlassianlifecycle.lifecycle.operation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;

/**
 * Checks the inputs given to an operation against its declaration. Each refusal names the operation and the input;
 * a refused value is not repeated, since an input may carry what should not reach a log.
 */
final class OperationInputs {

    private OperationInputs() {
    }

    /** @return the given inputs, stripped, without blank ones */
    static Map<String, String> check(ReusableOperation operation, Map<String, String> inputs) {
        Map<String, OperationInput> declared = operation.inputs().stream()
                .collect(Collectors.toMap(OperationInput::name, input -> input));
        Set<String> unknown = new TreeSet<>(inputs.keySet());
        unknown.removeAll(declared.keySet());
        if (!unknown.isEmpty()) {
            throw invalid(operation, "does not take the input(s) " + unknown + "; it takes " + declared.keySet());
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (OperationInput input : operation.inputs()) {
            String value = inputs.get(input.name());
            if (value == null || value.isBlank()) {
                if (input.required()) {
                    throw invalid(operation, "needs the input '" + input.name() + "' (" + input.description() + ")");
                }
                continue;
            }
            String stripped = value.strip();
            if (!input.accepts(stripped)) {
                throw invalid(operation, "input '" + input.name() + "' does not match " + input.pattern());
            }
            given.put(input.name(), stripped);
        }
        return given;
    }

    /** The one of two alternative inputs that is given; refuses none and both. */
    static String oneOf(Map<String, String> given, String first, String second) {
        boolean hasFirst = given.containsKey(first);
        if (hasFirst == given.containsKey(second)) {
            throw new LifecycleBusinessException(BusinessError.INVALID_REQUEST,
                    "Give exactly one of the inputs '" + first + "' and '" + second + "'", null);
        }
        return hasFirst ? given.get(first) : given.get(second);
    }

    private static LifecycleBusinessException invalid(ReusableOperation operation, String problem) {
        return new LifecycleBusinessException(BusinessError.INVALID_REQUEST,
                "Operation " + operation.key() + " " + problem, null);
    }
}
