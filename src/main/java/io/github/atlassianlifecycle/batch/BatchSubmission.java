package io.github.atlassianlifecycle.batch;

import java.util.List;

import io.github.atlassianlifecycle.request.DryRun;

/** What became of a bulk submission, or of its dry run. */
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

    /** A dry run: every row by line, each good one with what its request would do; nothing stored or started. */
    record Tried(List<TriedRow> rows) implements BatchSubmission {

        public Tried {
            rows = List.copyOf(rows);
        }
    }

    /** One row of a dry run: refused (its {@code row} says why, {@code dryRun} is null), or its request's dry run. */
    record TriedRow(BatchRow row, DryRun dryRun) {
    }
}
