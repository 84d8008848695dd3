package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductPresence;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage;

/** A ledger that lives as long as the object: for a reconciliation that need not survive a restart, and for tests. */
public final class InMemoryLedger implements ReconciliationLedger {

    private final Map<String, Progress> progress = new HashMap<>();
    private final List<DirectoryEntry> entries = new ArrayList<>();
    private final List<ProductPresence> presences = new ArrayList<>();

    @Override
    public synchronized Progress progress(String source) {
        return progress.getOrDefault(source, Progress.NOT_STARTED);
    }

    @Override
    public synchronized void savePage(String source, String readCursor, SourcePage page) {
        Progress now = progress(source);
        if (now.finished() || !java.util.Objects.equals(now.cursor(), readCursor)) {
            throw new ConcurrentReadException(source, readCursor);
        }
        entries.addAll(page.entries());
        presences.addAll(page.presences());
        progress.put(source, page.next().map(Progress::at).orElse(Progress.FINISHED));
    }

    @Override
    public synchronized Observations observations() {
        return new Observations(entries, presences);
    }
}
