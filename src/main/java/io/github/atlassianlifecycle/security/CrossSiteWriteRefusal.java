package io.github.atlassianlifecycle.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a change (any method but GET, HEAD, OPTIONS, TRACE) that a browser sends on behalf of another site. The
 * plugin's paths take HTTP Basic credentials with every request, and a browser that once answered the Basic
 * challenge resends them by itself, also with a form another site posts: they are as ambient as a session cookie,
 * so without this a forged page could cancel or undo a request. Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}); HR systems, scripts and curl send neither and are not affected.
 */
class CrossSiteWriteRefusal extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** {@code none}: typed in the address bar or a bookmark; {@code same-origin}: the application's own pages. */
    private static final Set<String> OWN_FETCHES = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"A browser sent this change on behalf of another site; it was refused.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request)) && !sameOrigin(origin, request);
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    /** Behind a proxy the servlet may see another scheme or port: the host named by the browser decides. */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin);
            String authority = uri.getAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAnOrigin) {
            return false; // "null" (a sandboxed page) or garbage: not this application
        }
    }
}
