package io.github.atlassianlifecycle.client.organizations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;

/**
 * Follows {@code links.next} until the last page. A cursor that comes back twice, or more pages than
 * {@code maxPages}, is a broken API rather than a big directory: it ends in an exception instead of a loop.
 */
final class Pages {

    private final int maxPages;

    Pages(int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        this.maxPages = maxPages;
    }

    /** Fetches the first page with a null cursor, then every next one; returns all items in order. */
    <T> List<T> collect(String operation, Function<String, Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            Page<T> current = fetch.apply(cursor);
            all.addAll(current.data());
            Optional<String> next = current.nextCursor();
            if (next.isEmpty()) {
                return all;
            }
            if (!seen.add(next.get())) {
                throw broken(operation, "the API handed out the same cursor twice");
            }
            cursor = next.get();
        }
        throw broken(operation, "more than " + maxPages + " pages");
    }

    private static AtlassianApiException broken(String operation, String what) {
        // A 2xx the client cannot finish is a contract break, not bad luck: a business failure, never retried.
        return new AtlassianApiException(ApiFamily.ORGANIZATIONS, operation, 200, "pagingBroken", null,
                "paging stopped: " + what, null, null, null, null);
    }
}
