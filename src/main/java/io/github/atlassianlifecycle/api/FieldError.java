package io.github.atlassianlifecycle.api;

/** One field that is wrong in a request body, and what is wrong with it. */
public record FieldError(String field, String message) {
}
