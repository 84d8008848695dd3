package io.github.atlassianlifecycle.lifecycle.operation;

import java.util.regex.Pattern;

/**
 * One input of a reusable operation: its name (the variable or input parameter that carries it), what it means,
 * whether it must be given, and the pattern a given value must match in whole.
 */
public record OperationInput(String name, String description, boolean required, String pattern) {

    public OperationInput {
        Pattern.compile(pattern); // a broken pattern fails where it is declared, not where it is used
    }

    /** A required input. */
    static OperationInput required(String name, String description, String pattern) {
        return new OperationInput(name, description, true, pattern);
    }

    /** An optional input. */
    static OperationInput optional(String name, String description, String pattern) {
        return new OperationInput(name, description, false, pattern);
    }

    public boolean accepts(String value) {
        return Pattern.compile(pattern).matcher(value).matches();
    }
}
