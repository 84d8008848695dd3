package io.github.atlassianlifecycle.simulator.scim;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one filter Atlassian's SCIM accepts: a single {@code attribute eq "value"} on a few attributes. Anything else
 * ({@code and}, {@code or}, {@code sw}, {@code pr}, other attributes, unquoted values) is 400 {@code invalidFilter}.
 * The value is a JSON string, so {@code \"} and {@code \\} are read as SCIM says.
 */
record EqFilter(String attribute, String value) {

    private static final Pattern EQ = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9._:-]*)\\s+(?i:eq)\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code filter}; the attribute comes back in the spelling of {@code supported} (names are case-insensitive). */
    static EqFilter parse(String filter, Set<String> supported) {
        Matcher matcher = EQ.matcher(filter);
        if (!matcher.matches()) {
            throw ScimError.badRequest("invalidFilter",
                    "Only a single 'eq' filter on " + String.join(", ", supported) + " is supported");
        }
        String attribute = matcher.group(1);
        String canonical = supported.stream().filter(s -> s.equalsIgnoreCase(attribute)).findFirst()
                .orElseThrow(() -> ScimError.badRequest("invalidFilter",
                        "Filtering on '" + attribute + "' is not supported; use " + String.join(", ", supported)));
        try {
            return new EqFilter(canonical, JSON.readValue(matcher.group(2), String.class));
        } catch (JsonProcessingException e) {
            throw ScimError.badRequest("invalidFilter", "The filter value is not a valid JSON string");
        }
    }

    boolean matches(String candidate, boolean caseExact) {
        if (candidate == null) {
            return false;
        }
        return caseExact ? candidate.equals(value)
                : candidate.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
    }
}
