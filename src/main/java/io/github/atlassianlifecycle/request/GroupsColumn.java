package io.github.atlassianlifecycle.request;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request's groups as the store keeps them, in one column: a JSON list of names, or null for none (the request
 * table's and the batch rows' {@code groups_json} alike).
 */
public final class GroupsColumn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupsColumn() {
    }

    public static String write(List<String> groups) {
        if (groups == null || groups.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(groups);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write groups", e);
        }
    }

    public static List<String> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<ArrayList<String>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored groups are not a JSON list", e);
        }
    }
}
