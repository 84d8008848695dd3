package io.github.atlassianlifecycle.request;

/** What became of a submission. */
public sealed interface SubmitResult {

    /** Started now, or (replay) started earlier with the same idempotency key and the same body. */
    record Accepted(StoredRequest request, boolean replay) implements SubmitResult {
    }

    /** Another request for the same account and action is still open. */
    record Duplicate(StoredRequest open) implements SubmitResult {
    }

    /** The idempotency key was used before, with another body. */
    record IdempotencyMismatch(StoredRequest earlier) implements SubmitResult {
    }
}
