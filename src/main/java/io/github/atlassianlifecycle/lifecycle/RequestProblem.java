package io.github.atlassianlifecycle.lifecycle;

/** One thing wrong with a request: the field and what is wrong with it, in words a requester understands. */
public record RequestProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
