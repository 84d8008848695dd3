package io.github.atlassianlifecycle.batch;

import java.util.List;

/** What became of a bulk submission. */
public sealed interface BatchSubmission {

    /** Stored, and its approval started. */
    record Accepted(Batch batch) implements BatchSubmission {
    }

    /**
     * Nothing stored, nothing started: atomic and some row is bad, or no row is good. {@code refused} lists every
     * refused row with its reason.
     */
    record Refused(List<BatchRow> refused, boolean atomic) implements BatchSubmission {
    }
}
