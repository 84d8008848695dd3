package io.github.atlassianlifecycle.lifecycle.reconcile.source;

/**
 * One read-only listing a reconciliation walks page by page. A cursor is this source's own text; the first page has
 * none. A source keeps no state a restart would need: everything is in the cursor.
 */
public interface ReconcileSource {

    /** Stable name, the key of this source's saved cursor ({@code directory}, {@code jira}, ...). */
    String name();

    /** The page at {@code cursor} (null: the first). */
    SourcePage read(String cursor);
}
