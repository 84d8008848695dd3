package io.github.atlassianlifecycle.simulator.organizations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cuts a listing into the organizations API's pages: {@code {"data": [...], "links": {"self", "prev", "next"}}}
 * where the links are opaque cursor tokens and {@code next} is left out on the last page. Default page size 20,
 * at most 100; anything else, and any cursor that is not one of ours for this listing, is a 400.
 */
final class OrgPager {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final CursorTokens cursors;

    OrgPager(CursorTokens cursors) {
        this.cursors = cursors;
    }

    /** The limit of a query parameter (null = default). */
    static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return checked(Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            throw new OrgRejection(OrgErrors.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT));
        }
    }

    /** The limit of a JSON body field (missing or null = default). */
    static int limit(JsonNode raw) {
        return limit(raw, DEFAULT_LIMIT);
    }

    /** The limit of a JSON body field, with the endpoint's own default (the user search's is 50). */
    static int limit(JsonNode raw, int defaultLimit) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return defaultLimit;
        }
        if (!raw.isIntegralNumber() || !raw.canConvertToInt()) {
            throw new OrgRejection(OrgErrors.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT));
        }
        return checked(raw.intValue());
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new OrgRejection(OrgErrors.badRequest("limit must be from 1 to " + MAX_LIMIT + ", was " + limit));
        }
        return limit;
    }

    /** Where the cursor points in the listing {@code scope}; 0 when there is none. */
    int offset(String scope, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        OptionalInt offset = cursors.decode(scope, cursor);
        if (offset.isEmpty()) {
            throw new OrgRejection(OrgErrors.badRequest("The cursor is not valid for this request"));
        }
        return offset.getAsInt();
    }

    <T> Map<String, Object> page(String scope, List<T> items, String cursor, int limit,
            Function<T, Object> view) {
        int offset = offset(scope, cursor);
        int from = Math.min(offset, items.size());
        int to = Math.min(from + limit, items.size());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", cursors.encode(scope, offset));
        if (offset > 0) {
            links.put("prev", cursors.encode(scope, Math.max(0, offset - limit)));
        }
        if (to < items.size()) {
            links.put("next", cursors.encode(scope, to));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", items.subList(from, to).stream().map(view).toList());
        page.put("links", links);
        return page;
    }
}
