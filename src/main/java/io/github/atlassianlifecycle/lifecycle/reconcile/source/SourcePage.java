package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.util.List;
import java.util.Optional;

/**
 * What one page of one source showed, and the cursor of the page after it (empty on the last page). The page and
 * the cursor are saved together, so a resumed read neither loses nor repeats a page.
 */
public record SourcePage(List<DirectoryEntry> entries, List<ProductPresence> presences, String nextCursor) {

    public SourcePage {
        entries = List.copyOf(entries);
        presences = List.copyOf(presences);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
