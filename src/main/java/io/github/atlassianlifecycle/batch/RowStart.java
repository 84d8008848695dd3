package io.github.atlassianlifecycle.batch;

/** What became of starting one approved row's request. */
public sealed interface RowStart {

    /** Started now, or before (a retried step finds it started). */
    record Started(String requestId) implements RowStart {
    }

    /** Not started, for a reason the row now shows (another open request for the account, say). */
    record Refused(String error) implements RowStart {
    }

    /** Nothing to start: the row is not an approved, good row of an approved batch. */
    record NotApproved() implements RowStart {
    }
}
