package io.github.atlassianlifecycle.client.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to an Atlassian API: method, path (relative to the API's base URL), query, body. The path is built from
 * a template whose {@code {}} placeholders are filled with URL-encoded segments, so an account id such as
 * {@code 557058:ba89...} cannot break out of its segment.
 */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final String pathTemplate;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private Object body;
    private String contentType = "application/json";
    private String accept = "application/json";
    private String operation;

    private ApiRequest(String method, String pathTemplate, Object... segments) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.path = expand(pathTemplate, segments);
    }

    public static ApiRequest get(String pathTemplate, Object... segments) {
        return new ApiRequest("GET", pathTemplate, segments);
    }

    public static ApiRequest post(String pathTemplate, Object... segments) {
        return new ApiRequest("POST", pathTemplate, segments);
    }

    public static ApiRequest put(String pathTemplate, Object... segments) {
        return new ApiRequest("PUT", pathTemplate, segments);
    }

    public static ApiRequest patch(String pathTemplate, Object... segments) {
        return new ApiRequest("PATCH", pathTemplate, segments);
    }

    public static ApiRequest delete(String pathTemplate, Object... segments) {
        return new ApiRequest("DELETE", pathTemplate, segments);
    }

    /** Adds a query parameter; a null value is left out, so optional filters need no if. */
    public ApiRequest query(String name, Object value) {
        if (value != null) {
            query.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }

    /** Adds one query parameter per value (for example {@code accountIds=a&accountIds=b}). */
    public ApiRequest queryEach(String name, Iterable<?> values) {
        if (values != null) {
            values.forEach(value -> query(name, value));
        }
        return this;
    }

    /** A body, serialised to JSON by the transport (a String is sent as it is). */
    public ApiRequest body(Object body) {
        this.body = body;
        return this;
    }

    public ApiRequest contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    public ApiRequest accept(String accept) {
        this.accept = accept;
        return this;
    }

    /** A stable name of the operation for logs, metrics and the call record, e.g. {@code userManagement.disable}. */
    public ApiRequest operation(String operation) {
        this.operation = operation;
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The path with placeholders, safe to use as a metric tag (no ids in it). */
    public String pathTemplate() {
        return pathTemplate;
    }

    public Object body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public String accept() {
        return accept;
    }

    public String operation() {
        return operation != null ? operation : method + " " + pathTemplate;
    }

    /** Path and query, encoded, ready to append to a base URL. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder result = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) {
                result.append('&');
            }
            result.append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
        }
        return result.toString();
    }

    static String expand(String template, Object... segments) {
        StringBuilder result = new StringBuilder();
        int next = 0;
        int from = 0;
        int at;
        while ((at = template.indexOf("{}", from)) >= 0) {
            if (next >= segments.length) {
                throw new IllegalArgumentException("too few path segments for " + template);
            }
            String segment = String.valueOf(Objects.requireNonNull(segments[next++], "path segment"));
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("empty path segment for " + template);
            }
            result.append(template, from, at).append(encode(segment));
            from = at + 2;
        }
        if (next != segments.length) {
            throw new IllegalArgumentException("too many path segments for " + template);
        }
        return result.append(template.substring(from)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
