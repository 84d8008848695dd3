package io.github.atlassianlifecycle.client.transport;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;

/**
 * What an error body says, read from each API's own shape:
 * <ul>
 *   <li>organizations: {@code {"errors":[{"status":"409","code":"ADMIN-UAM-409-2","title":..,"detail":..}]}}</li>
 *   <li>user management: {@code {"key":"forbidden.action","context":{"reason":{"key":"externalDirectory.scim"}}}}</li>
 *   <li>SCIM: {@code {"schemas":[..Error],"status":"409","scimType":"uniqueness","detail":..}}</li>
 *   <li>Jira: {@code {"errorMessages":[..],"errors":{"field":"msg"}}}</li>
 *   <li>Confluence: {@code {"statusCode":404,"message":..}}</li>
 *   <li>Bitbucket: {@code {"errors":[{"context":..,"message":..,"exceptionName":..}]}}, {@code context} naming the
 *   field of a validation error</li>
 * </ul>
 * A body that is not JSON (a proxy's HTML page, say) gives no key and a shortened detail.
 */
record ErrorBody(String errorKey, String reasonKey, String detail, Map<String, String> fieldErrors) {

    private static final int MAX_DETAIL = 300;

    static ErrorBody parse(ApiFamily family, String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return new ErrorBody(null, null, null, Map.of());
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception notJson) {
            return new ErrorBody(null, null, shorten(body.strip()), Map.of());
        }
        if (root == null || !root.isObject()) {
            return new ErrorBody(null, null, shorten(body.strip()), Map.of());
        }
        return switch (family) {
            case ORGANIZATIONS -> organizations(root);
            case USER_MANAGEMENT -> userManagement(root);
            case SCIM -> scim(root);
            case JIRA -> jira(root);
            case CONFLUENCE -> confluence(root);
            case BITBUCKET -> bitbucket(root);
        };
    }

    private static ErrorBody organizations(JsonNode root) {
        JsonNode first = root.path("errors").path(0);
        String detail = join(text(first, "title"), text(first, "detail"));
        return new ErrorBody(text(first, "code"), null, shorten(detail), Map.of());
    }

    private static ErrorBody userManagement(JsonNode root) {
        JsonNode context = root.path("context");
        String reason = text(context.path("reason"), "key");
        String detail = text(context, "message");
        if (detail == null && context.has("domain")) {
            detail = "domain " + text(context, "domain") + " is not claimed by the organization";
        }
        JsonNode codes = context.path("errorCodes");
        if (codes.isArray() && !codes.isEmpty()) {
            StringBuilder all = new StringBuilder(detail == null ? "" : detail);
            for (JsonNode code : codes) {
                all.append(all.isEmpty() ? "" : "; ").append(join(text(code, "code"), text(code, "message")));
            }
            detail = all.toString();
        }
        return new ErrorBody(text(root, "key"), reason, shorten(detail), Map.of());
    }

    private static ErrorBody scim(JsonNode root) {
        return new ErrorBody(text(root, "scimType"), null, shorten(text(root, "detail")), Map.of());
    }

    private static ErrorBody jira(JsonNode root) {
        StringBuilder detail = new StringBuilder();
        root.path("errorMessages").forEach(m -> detail.append(detail.isEmpty() ? "" : "; ").append(m.asText()));
        Map<String, String> fields = new LinkedHashMap<>();
        root.path("errors").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        fields.forEach((field, message) -> detail.append(detail.isEmpty() ? "" : "; ").append(field).append(": ").append(message));
        return new ErrorBody(null, null, shorten(detail.toString()), fields);
    }

    private static ErrorBody confluence(JsonNode root) {
        return new ErrorBody(null, null, shorten(text(root, "message")), Map.of());
    }

    /** A validation error names its field in {@code context} (and has no exceptionName): kept as a field error. */
    private static ErrorBody bitbucket(JsonNode root) {
        JsonNode first = root.path("errors").path(0);
        Map<String, String> fields = new LinkedHashMap<>();
        root.path("errors").forEach(error -> {
            String context = text(error, "context");
            if (context != null && !context.isBlank()) {
                fields.put(context, String.valueOf(text(error, "message")));
            }
        });
        return new ErrorBody(text(first, "exceptionName"), null, shorten(text(first, "message")), fields);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || b.equals(a) ? a : a + ": " + b;
    }

    private static String shorten(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }
}
