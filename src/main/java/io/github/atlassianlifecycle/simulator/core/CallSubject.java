package io.github.atlassianlifecycle.simulator.core;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account a call to a simulated API is about, kept on the request for the call log. An endpoint credits it
 * when neither the path nor a parameter names the account (SCIM ids, an account id in a body), so per-account
 * counts stay complete; otherwise it is read from the path or the {@code accountId} parameter.
 */
public final class CallSubject {

    private static final String ATTRIBUTE = CallSubject.class.getName();

    private CallSubject() {
    }

    /** Credits the current call to {@code account}; nothing happens outside a request. */
    public static void touched(Account account) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (account != null && attributes != null) {
            attributes.setAttribute(ATTRIBUTE, account.accountId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Credits the call to the account the matched endpoint names. */
    public static void set(HttpServletRequest request, String accountId) {
        request.setAttribute(ATTRIBUTE, accountId);
    }

    /** The account credited, else the one the path or the {@code accountId} parameter names; null when none. */
    public static String of(HttpServletRequest request) {
        Object credited = request.getAttribute(ATTRIBUTE);
        return credited != null ? (String) credited : SimulatorPaths.accountId(request);
    }
}
