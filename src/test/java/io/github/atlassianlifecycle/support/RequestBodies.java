package io.github.atlassianlifecycle.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bodies of {@code POST /api/requests} as the tests send them (mutable, so a test can add or break a field). */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** A request of {@code action} for an existing account, with a reason. */
    public static Map<String, Object> request(String action, String accountId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("accountId", accountId);
        body.put("reason", "Left the company");
        return body;
    }

    /** A disable for a termination: what the demo's policy pre-approves when {@code automation} asks. */
    public static Map<String, Object> disable(String accountId) {
        Map<String, Object> body = request("DISABLE", accountId);
        body.put("reasonCode", "TERMINATION");
        return body;
    }
}
