package io.github.atlassianlifecycle.simulator;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every call to a simulated API in the {@link SimCallLog}. As an interceptor it learns which endpoint
 * answered and which account it touched; as a filter it sees the final status, including answers that never
 * reached an endpoint (401s from faults, say). The control endpoints are not recorded.
 */
class SimCallRecorder extends OncePerRequestFilter implements HandlerInterceptor {

    private static final String OPERATION = SimCallRecorder.class.getName() + ".operation";
    private static final String ACCOUNT = SimCallRecorder.class.getName() + ".account";

    private final SimCallLog log;
    private final SimulatorState state;

    SimCallRecorder(SimCallLog log, SimulatorState state) {
        this.log = log;
        this.state = state;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = SimPaths.path(request);
        return !path.startsWith("/sim/") || path.startsWith(SimPaths.CONTROL);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Atlassian tags every answer with a trace id support can look up; so does the simulator.
        response.setHeader("ATL-TraceId", java.util.UUID.randomUUID().toString().replace("-", ""));
        try {
            chain.doFilter(request, response);
        } finally {
            log.record(new SimCallLog.SimCall(state.now(), request.getMethod(), SimPaths.path(request), response.getStatus(),
                    (String) request.getAttribute(OPERATION), account(request)));
        }
    }

    /**
     * Credits the current call to an account, for endpoints that name it neither in the path nor as a parameter
     * (SCIM ids, an account id in a body), so per-account counts stay complete.
     */
    static void touched(SimAccount account) {
        if (account != null && RequestContextHolder.getRequestAttributes() != null) {
            RequestContextHolder.getRequestAttributes().setAttribute(ACCOUNT, account.accountId,
                    RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static String account(HttpServletRequest request) {
        Object tagged = request.getAttribute(ACCOUNT);
        return tagged != null ? (String) tagged : SimPaths.accountId(request);
    }

    /** Names the operation after the endpoint method: {@code userManagement.disable}, {@code jira.createUser}. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            String api = method.getBeanType().getSimpleName().replace("SimController", "");
            if (!api.isEmpty()) {
                api = Character.toLowerCase(api.charAt(0)) + api.substring(1);
            }
            request.setAttribute(OPERATION, api + "." + method.getMethod().getName());
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request
                    .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String account = variables == null ? null : variables.get("accountId");
            if (account != null || request.getParameter("accountId") != null) {
                request.setAttribute(ACCOUNT, account != null ? account : request.getParameter("accountId"));
            }
        }
        return true;
    }
}
