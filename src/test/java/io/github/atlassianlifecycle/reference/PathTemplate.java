package io.github.atlassianlifecycle.reference;

import java.util.regex.Pattern;

/**
 * A documented path such as {@code /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}}: each
 * {@code {name}} stands for one path segment. Where two templates match a path, the one with more literal segments
 * is the closer ({@code .../users/search} before {@code .../users/{accountId}}).
 */
record PathTemplate(String template, Pattern pattern, int literalSegments) {

    static PathTemplate of(String template) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String segment : template.substring(1).split("/", -1)) {
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
                literals++;
            }
        }
        return new PathTemplate(template, Pattern.compile(regex.toString()), literals);
    }

    /** Whether the path (without its query) is an instance of this template. */
    boolean matches(String path) {
        int query = path.indexOf('?');
        return pattern.matcher(query < 0 ? path : path.substring(0, query)).matches();
    }
}
