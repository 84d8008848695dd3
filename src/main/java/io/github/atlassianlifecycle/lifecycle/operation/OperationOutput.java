package io.github.atlassianlifecycle.lifecycle.operation;

/** One output of a reusable operation: the name it is returned under, and what it means. */
public record OperationOutput(String name, String description) {
}
