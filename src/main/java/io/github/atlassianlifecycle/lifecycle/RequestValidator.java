package io.github.atlassianlifecycle.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a lifecycle request must meet, whichever door it came through (the request API or a process started
 * directly through {@code /engine-rest}). Pure: it looks only at the values it is given.
 */
public final class RequestValidator {

    /** Atlassian account ids: {@code 5b10ac8d82e05b22cc7d4ef5}, {@code 557058:ba8948b2-...}. */
    public static final Pattern ACCOUNT_ID = Pattern.compile("[a-zA-Z0-9_|:-]{1,128}");
    /** Deliberately plain: one @, no spaces, a dot in the domain. Atlassian does the real check. */
    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    public static final int MAX_EMAIL = 254;
    public static final int MAX_REASON = 2000;
    public static final int MAX_DISPLAY_NAME = 255;
    public static final int MAX_GROUPS = 50;
    public static final int MAX_GROUP_NAME = 255;

    private RequestValidator() {
    }

    /**
     * Checks the request fields for an action. {@code fields} holds the raw values (variables or JSON), so a
     * wrong type is reported as such rather than failing later.
     */
    public static List<RequestProblem> validate(LifecycleAction action, Map<String, ?> fields) {
        List<RequestProblem> problems = new ArrayList<>();
        Object accountId = fields.get("accountId");
        Object email = fields.get("email");
        if (action == LifecycleAction.ADD) {
            if (accountId != null) {
                problems.add(new RequestProblem("accountId", "must not be given when adding an account; give email"));
            }
            requireEmail(problems, email);
            requireText(problems, "displayName", fields.get("displayName"), MAX_DISPLAY_NAME);
            checkGroups(problems, fields.get("groups"));
        } else {
            if (accountId == null && email == null) {
                problems.add(new RequestProblem("accountId", "is required (or give email)"));
            }
            if (accountId != null) {
                checkAccountId(problems, accountId);
            }
            if (email != null) {
                requireEmail(problems, email);
            }
            if (fields.get("groups") != null) {
                problems.add(new RequestProblem("groups", "is only for adding an account"));
            }
        }
        requireText(problems, "reason", fields.get("reason"), MAX_REASON);
        checkReasonCode(problems, fields.get("reasonCode"));
        return problems;
    }

    private static void checkAccountId(List<RequestProblem> problems, Object value) {
        if (!(value instanceof String text)) {
            problems.add(new RequestProblem("accountId", "must be a string"));
        } else if (!ACCOUNT_ID.matcher(text).matches()) {
            problems.add(new RequestProblem("accountId",
                    "must be 1 to 128 letters, digits or _ | : - (an Atlassian account id)"));
        }
    }

    private static void requireEmail(List<RequestProblem> problems, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            problems.add(new RequestProblem("email", "is required"));
        } else if (!(value instanceof String text)) {
            problems.add(new RequestProblem("email", "must be a string"));
        } else if (text.length() > MAX_EMAIL || !EMAIL.matcher(text).matches()) {
            problems.add(new RequestProblem("email", "is not a valid email address"));
        }
    }

    private static void requireText(List<RequestProblem> problems, String field, Object value, int max) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            problems.add(new RequestProblem(field, "is required"));
        } else if (!(value instanceof String text)) {
            problems.add(new RequestProblem(field, "must be a string"));
        } else if (text.length() > max) {
            problems.add(new RequestProblem(field, "must be at most " + max + " characters"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(new RequestProblem(field, "must not contain control characters"));
        }
    }

    private static void checkReasonCode(List<RequestProblem> problems, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof String text) || Arrays.stream(ReasonCode.values()).noneMatch(c -> c.name().equals(text))) {
            problems.add(new RequestProblem("reasonCode", "must be one of " + Arrays.toString(ReasonCode.values())));
        }
    }

    private static void checkGroups(List<RequestProblem> problems, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> groups)) {
            problems.add(new RequestProblem("groups", "must be a list of group names"));
            return;
        }
        if (groups.size() > MAX_GROUPS) {
            problems.add(new RequestProblem("groups", "must hold at most " + MAX_GROUPS + " groups"));
        }
        for (Object group : groups) {
            if (!(group instanceof String name) || name.isBlank() || name.length() > MAX_GROUP_NAME
                    || name.chars().anyMatch(Character::isISOControl)) {
                problems.add(new RequestProblem("groups", "each group must be a name of 1 to " + MAX_GROUP_NAME
                        + " characters, without control characters"));
                return;
            }
        }
    }
}
