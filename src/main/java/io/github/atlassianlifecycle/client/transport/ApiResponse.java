package io.github.atlassianlifecycle.client.transport;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A 2xx answer: status, body text (null when empty) and headers (names case-insensitive). */
public record ApiResponse(int status, String body, Map<String, String> headers) {

    public ApiResponse {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(headers);
        }
        headers = caseInsensitive;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean hasBody() {
        return body != null && !body.isBlank();
    }
}
