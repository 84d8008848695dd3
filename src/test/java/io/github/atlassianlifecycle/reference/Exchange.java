package io.github.atlassianlifecycle.reference;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request and its answer as they crossed the wire: what a stub server received, or what a recording proxy saw
 * pass between a client and the simulator.
 *
 * @param path the path without the query
 * @param query the raw query string, or null
 * @param requestHeaders request headers, names in lower case
 * @param status the answer's status; 0 when the request was received but not yet answered
 * @param responseHeaders answer headers, names in lower case
 */
public record Exchange(String method, String path, String query, Map<String, String> requestHeaders,
        String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {

    public Exchange {
        requestHeaders = lowerCase(requestHeaders);
        responseHeaders = lowerCase(responseHeaders);
    }

    /** The answer's media type without parameters ({@code application/json;charset=UTF-8} → {@code application/json}). */
    public String mediaType() {
        String contentType = responseHeaders.get("content-type");
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public boolean hasResponseBody() {
        return responseBody != null && !responseBody.isBlank();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " → " + status;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return Map.copyOf(lower);
    }
}
