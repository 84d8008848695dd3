package io.github.atlassianlifecycle.simulator;

import jakarta.servlet.http.HttpServletRequest;

import io.github.atlassianlifecycle.client.ApiFamily;

/** Which simulated API a path belongs to; null for the control endpoints and anything else. */
final class SimPaths {

    static final String CONTROL = "/sim/_control";

    private SimPaths() {
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static final java.util.regex.Pattern USER_SEGMENT = java.util.regex.Pattern.compile("/users/([^/]+)");

    /**
     * The account a call is about, read from the path ({@code .../users/{accountId}...}) or the {@code accountId}
     * parameter, for calls that never reached an endpoint (a fault answered them).
     */
    static String accountId(HttpServletRequest request) {
        String parameter = request.getParameter("accountId");
        if (parameter != null) {
            return parameter;
        }
        java.util.regex.Matcher matcher = USER_SEGMENT.matcher(path(request));
        return matcher.find() ? java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8)
                : null;
    }

    static ApiFamily family(String path) {
        if (path.startsWith("/sim/api/admin/")) {
            return ApiFamily.ORGANIZATIONS;
        }
        if (path.startsWith("/sim/api/users/")) {
            return ApiFamily.USER_MANAGEMENT;
        }
        if (path.startsWith("/sim/api/scim/")) {
            return ApiFamily.SCIM;
        }
        if (path.startsWith("/sim/site/wiki/")) {
            return ApiFamily.CONFLUENCE;
        }
        if (path.startsWith("/sim/site/")) {
            return ApiFamily.JIRA;
        }
        if (path.startsWith("/sim/bitbucket/")) {
            return ApiFamily.BITBUCKET;
        }
        return null;
    }
}
