package io.github.atlassianlifecycle.simulator.control;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import io.github.atlassianlifecycle.simulator.core.CallSubject;
import io.github.atlassianlifecycle.simulator.core.SimulatorPaths;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * Records every call to a simulated API in the {@link CallLog}. As an interceptor it learns which endpoint
 * answered and which account it touched; as a filter it sees the final status, including answers that never
 * reached an endpoint (401s from faults, say). The control endpoints are not recorded.
 */
public class CallRecorder extends OncePerRequestFilter implements HandlerInterceptor {

    private static final String OPERATION = CallRecorder.class.getName() + ".operation";
    private static final String CONTROLLER = "Controller";

    private final CallLog log;
    private final SimulatorState state;

    public CallRecorder(CallLog log, SimulatorState state) {
        this.log = log;
        this.state = state;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = SimulatorPaths.path(request);
        return !path.startsWith("/sim/") || path.startsWith(SimulatorPaths.CONTROL);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Atlassian tags every answer with a trace id support can look up; so does the simulator.
        response.setHeader("ATL-TraceId", java.util.UUID.randomUUID().toString().replace("-", ""));
        try {
            chain.doFilter(request, response);
        } finally {
            log.record(new CallLog.Call(state.now(), request.getMethod(), SimulatorPaths.path(request),
                    request.getQueryString(), response.getStatus(),
                    (String) request.getAttribute(OPERATION), CallSubject.of(request)));
        }
    }

    /**
     * Names the operation after the endpoint's controller and method: {@code userManagement.disable} for
     * {@code UserManagementController.disable}, {@code jira.createUser}.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            String type = method.getBeanType().getSimpleName();
            String api = type.endsWith(CONTROLLER) ? type.substring(0, type.length() - CONTROLLER.length()) : type;
            if (!api.isEmpty()) {
                api = Character.toLowerCase(api.charAt(0)) + api.substring(1);
            }
            request.setAttribute(OPERATION, api + "." + method.getMethod().getName());
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request
                    .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String account = variables == null ? null : variables.get("accountId");
            if (account != null || request.getParameter("accountId") != null) {
                CallSubject.set(request, account != null ? account : request.getParameter("accountId"));
            }
        }
        return true;
    }
}
