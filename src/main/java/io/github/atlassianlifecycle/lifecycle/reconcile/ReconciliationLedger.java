package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.util.List;
import java.util.Optional;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductPresence;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage;

/**
 * Where one reconciliation keeps its progress and what it saw. {@link #savePage} stores a page's observations and
 * the source's next cursor in one step (one transaction in a database), which is what makes the read resumable.
 */
public interface ReconciliationLedger {

    /** Where the source's read stands. */
    Progress progress(String source);

    /**
     * The page read at {@code readCursor} (null: the first), and the source's next cursor, or that it is finished when
     * the page was its last.
     *
     * @throws ConcurrentReadException when the saved progress is no longer {@code readCursor}: another reader saved
     *         this page first (nothing is saved twice)
     */
    void savePage(String source, String readCursor, SourcePage page);

    /** Every directory entry and product presence saved so far, in the order they were saved. */
    Observations observations();

    /** Another reader of the same reconciliation saved the page first. */
    class ConcurrentReadException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ConcurrentReadException(String source, String readCursor) {
            super("the page of " + source + " at " + (readCursor == null ? "the start" : "its saved cursor")
                    + " was saved by another reader");
        }
    }

    /** Where a source's read stands: not started, at a cursor, or finished. */
    record Progress(boolean finished, String cursor) {

        public static final Progress NOT_STARTED = new Progress(false, null);
        public static final Progress FINISHED = new Progress(true, null);

        public static Progress at(String cursor) {
            return new Progress(false, cursor);
        }

        public Optional<String> nextCursor() {
            return Optional.ofNullable(cursor);
        }
    }

    /** What the sources showed. */
    record Observations(List<DirectoryEntry> entries, List<ProductPresence> presences) {

        public Observations {
            entries = List.copyOf(entries);
            presences = List.copyOf(presences);
        }
    }
}
