package io.github.atlassianlifecycle.reference;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A documented call's path such as {@code /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}} or
 * {@code /rest/api/3/user?accountId={accountId}&expand=groups}: each {@code {name}} in the path stands for one
 * segment; in the query, a parameter with a fixed value ({@code expand=groups}) must be sent with that value, one
 * with a {@code {placeholder}} may be sent with any. Where two templates match, the one with more fixed parts is
 * the closer ({@code .../users/search} before {@code .../users/{accountId}}, {@code ?expand=groups} before none).
 */
record PathTemplate(String template, Pattern pattern, Map<String, String> fixedQuery, int fixedParts) {

    static PathTemplate of(String template) {
        int question = template.indexOf('?');
        String path = question < 0 ? template : template.substring(0, question);
        StringBuilder regex = new StringBuilder();
        int fixed = 0;
        for (String segment : path.substring(1).split("/", -1)) {
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
                fixed++;
            }
        }
        Map<String, String> fixedQuery = new LinkedHashMap<>();
        if (question >= 0) {
            parse(template.substring(question + 1)).forEach((name, value) -> {
                if (!(value.startsWith("{") && value.endsWith("}"))) {
                    fixedQuery.put(name, value);
                }
            });
        }
        return new PathTemplate(template, Pattern.compile(regex.toString()), Map.copyOf(fixedQuery),
                fixed + fixedQuery.size());
    }

    /**
     * Whether a request to the raw {@code path} (without its query) with this raw {@code query} is a call of this
     * template. Each segment is compared decoded, so {@code /Schemas/urn%3Aietf%3A...} is a call of the documented
     * {@code /Schemas/urn:ietf:...}; an encoded slash stays inside its segment.
     */
    boolean matches(String path, String query) {
        if (!pattern.matcher(path).matches() && !pattern.matcher(decodedSegments(path)).matches()) {
            return false;
        }
        Map<String, String> sent = query == null ? Map.of() : parse(query);
        return fixedQuery.entrySet().stream().allMatch(fixed -> fixed.getValue().equals(sent.get(fixed.getKey())));
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(decode(name), decode(value));
        }
        return parameters;
    }

    /** The path with each segment decoded, except that a decoded {@code /} is kept encoded. */
    private static String decodedSegments(String path) {
        StringBuilder decoded = new StringBuilder();
        for (String segment : path.substring(path.startsWith("/") ? 1 : 0).split("/", -1)) {
            decoded.append('/').append(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)
                    .replace("/", "%2F"));
        }
        return decoded.toString();
    }

    private static String decode(String text) {
        return text.contains("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
