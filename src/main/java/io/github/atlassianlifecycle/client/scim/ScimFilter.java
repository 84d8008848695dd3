package io.github.atlassianlifecycle.client.scim;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Builds the one kind of SCIM filter Atlassian supports: a single {@code attribute eq "value"}. The value is a JSON
 * string (RFC 7644 §3.4.2.2), so quotes, backslashes and control characters are escaped: a user name such as
 * {@code a" or userName pr "} stays one value and cannot widen the search.
 */
final class ScimFilter {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9._:$-]*");

    private ScimFilter() {
    }

    static String eq(String attribute, String value) {
        Objects.requireNonNull(value, "filter value");
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
            throw new IllegalArgumentException("not a SCIM attribute name: " + attribute);
        }
        return attribute + " eq \"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
