package io.github.atlassianlifecycle.api.campaign;

import java.io.IOException;

import io.github.atlassianlifecycle.campaign.CampaignService;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A keep link carries its single-use token in its path, and whatever logs a request's path (Spring Security's and
 * the dispatcher's DEBUG lines, a handler's TRACE arguments) would log it. So before any of them sees the request,
 * this filter takes the token out: the request goes on with its last path segment {@value #MASK}, and the token
 * travels as a request attribute of a type whose {@code toString} hides it. Runs first of all filters, for the keep
 * links only.
 */
public final class KeepLinkMask implements Filter {

    /** What the path shows instead of the token. */
    public static final String MASK = "masked";
    /** The request attribute that holds the token. */
    public static final String ATTRIBUTE = "io.github.atlassianlifecycle.api.campaign.KeepLinkMask.token";

    /** A keep link's token; never shown by {@link #toString()}. */
    public record Token(String value) {

        @Override
        public String toString() {
            return "Token[" + MASK + "]";
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            String prefix = http.getContextPath() + CampaignService.KEEP_PATH;
            String uri = http.getRequestURI();
            if (uri.startsWith(prefix) && uri.length() > prefix.length() && uri.indexOf('/', prefix.length()) < 0) {
                String token = uri.substring(prefix.length());
                http.setAttribute(ATTRIBUTE, new Token(token));
                chain.doFilter(new Masked(http, token), response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The request with the token replaced by {@value #MASK} wherever it shows its path. */
    private static final class Masked extends HttpServletRequestWrapper {

        private final String token;

        Masked(HttpServletRequest request, String token) {
            super(request);
            this.token = token;
        }

        private String mask(String text) {
            return text == null ? null : text.replace(token, MASK);
        }

        @Override
        public String getRequestURI() {
            return mask(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(mask(super.getRequestURL().toString()));
        }

        @Override
        public String getServletPath() {
            return mask(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            return mask(super.getPathInfo());
        }

        @Override
        public String getPathTranslated() {
            return mask(super.getPathTranslated());
        }
    }
}
