package io.github.atlassianlifecycle.simulator.scim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters of the {@code /Users} calls (RFC 7644
 * §3.4.2.5, §3.9): which attributes of a user to return. {@code id} and {@code schemas} are returned always. Names
 * are case-insensitive and may be a sub-attribute ({@code emails.value}, {@code name.givenName}) or carry their
 * schema's URN ({@code urn:ietf:params:scim:schemas:core:2.0:User:userName}); the two parameters are mutually
 * exclusive, as Atlassian's reference says.
 */
final class AttributeSelection {

    private static final List<String> ALWAYS = List.of("schemas", "id");
    private static final AttributeSelection ALL = new AttributeSelection(List.of(), false);

    /** Lower-case paths, each one or two names long (attribute, sub-attribute). */
    private final List<List<String>> paths;
    private final boolean include;

    private AttributeSelection(List<List<String>> paths, boolean include) {
        this.paths = paths;
        this.include = include;
    }

    static AttributeSelection of(String attributes, String excludedAttributes) {
        boolean included = attributes != null && !attributes.isBlank();
        boolean excluded = excludedAttributes != null && !excludedAttributes.isBlank();
        if (included && excluded) {
            throw ScimError.badRequest("invalidSyntax", "attributes and excludedAttributes are mutually exclusive");
        }
        if (!included && !excluded) {
            return ALL;
        }
        List<List<String>> paths = new ArrayList<>();
        for (String name : (included ? attributes : excludedAttributes).split(",")) {
            if (!name.isBlank()) {
                paths.add(path(name.trim()));
            }
        }
        return new AttributeSelection(paths, included);
    }

    /** {@code userName} → [username]; {@code urn:...:User:name.givenName} → [name, givenname]; an extension's URN stays. */
    private static List<String> path(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String core = UserDraft.SCHEMA.toLowerCase(Locale.ROOT) + ":";
        if (lower.startsWith(core)) {
            lower = lower.substring(core.length());
        } else if (lower.startsWith("urn:")) {
            for (String extension : List.of(UserDraft.ATLASSIAN, UserDraft.ENTERPRISE)) {
                String prefix = extension.toLowerCase(Locale.ROOT);
                if (lower.equals(prefix)) {
                    return List.of(prefix);
                }
                if (lower.startsWith(prefix + ":")) {
                    return List.of(prefix, lower.substring(prefix.length() + 1));
                }
            }
            return List.of(lower);
        }
        int dot = lower.indexOf('.');
        return dot < 0 ? List.of(lower) : List.of(lower.substring(0, dot), lower.substring(dot + 1));
    }

    /** The user view with only the selected attributes; the view itself is left as it was. */
    Map<String, Object> apply(Map<String, Object> view) {
        if (this == ALL) {
            return view;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        view.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(key)) {
                selected.put(name, value);
                return;
            }
            List<String> subAttributes = paths.stream().filter(path -> path.get(0).equals(key) && path.size() > 1)
                    .map(path -> path.get(1)).toList();
            boolean whole = paths.stream().anyMatch(path -> path.get(0).equals(key) && path.size() == 1);
            if (include) {
                if (whole) {
                    selected.put(name, value);
                } else if (!subAttributes.isEmpty()) {
                    putIfPresent(selected, name, sub(value, subAttributes, true));
                }
            } else if (!whole) {
                putIfPresent(selected, name, subAttributes.isEmpty() ? value : sub(value, subAttributes, false));
            }
        });
        return selected;
    }

    /** Of a complex value (or each of a multi-valued one), keeps ({@code keep}) or drops the named sub-attributes. */
    private static Object sub(Object value, List<String> names, boolean keep) {
        if (value instanceof Map<?, ?> complex) {
            Map<String, Object> result = new LinkedHashMap<>();
            complex.forEach((name, subValue) -> {
                if (names.contains(String.valueOf(name).toLowerCase(Locale.ROOT)) == keep) {
                    result.put(String.valueOf(name), subValue);
                }
            });
            return result.isEmpty() ? null : result;
        }
        if (value instanceof List<?> values) {
            List<Object> result = new ArrayList<>();
            values.forEach(element -> {
                Object kept = sub(element, names, keep);
                if (kept != null) {
                    result.add(kept);
                }
            });
            return result.isEmpty() ? null : result;
        }
        return keep ? null : value;
    }

    private static void putIfPresent(Map<String, Object> view, String name, Object value) {
        if (value != null) {
            view.put(name, value);
        }
    }
}
