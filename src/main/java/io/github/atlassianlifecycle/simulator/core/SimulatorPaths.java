package io.github.atlassianlifecycle.simulator.core;

import jakarta.servlet.http.HttpServletRequest;

/** Which simulated API a path belongs to; null for the control endpoints and anything else. */
public final class SimulatorPaths {

    public static final String CONTROL = "/sim/_control";

    private SimulatorPaths() {
    }

    public static String path(HttpServletRequest request) {
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

    public static SimulatedApi family(String path) {
        if (path.startsWith("/sim/api/admin/")) {
            return SimulatedApi.ORGANIZATIONS;
        }
        if (path.startsWith("/sim/api/users/")) {
            return SimulatedApi.USER_MANAGEMENT;
        }
        if (path.startsWith("/sim/api/scim/")) {
            return SimulatedApi.SCIM;
        }
        if (path.startsWith("/sim/site/wiki/")) {
            return SimulatedApi.CONFLUENCE;
        }
        if (path.startsWith("/sim/site/")) {
            return SimulatedApi.JIRA;
        }
        if (path.startsWith("/sim/bitbucket/")) {
            return SimulatedApi.BITBUCKET;
        }
        return null;
    }
}
