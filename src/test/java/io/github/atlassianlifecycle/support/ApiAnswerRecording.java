package io.github.atlassianlifecycle.support;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every answer the request API ({@code /api/**}) gives while the tests of the shared demo context run, so
 * that {@link ApiAnswersDeclared} can hold each one against {@code /v3/api-docs}. The filter comes before every
 * other one, Spring Security's included, so refusals (401) are recorded too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiAnswerRecording {

    static final String API = "/api/";

    /** Every answer so far, in the order given (test classes run one after another in one JVM). */
    static final List<ApiAnswer> RECORDED = new CopyOnWriteArrayList<>();

    /** One answer: the call, its status, its content type (null when there was no body) and its header names. */
    public record ApiAnswer(String method, String path, int status, String contentType, Set<String> headers) {

        @Override
        public String toString() {
            return method + " " + path + " → " + status + (contentType == null ? "" : " " + contentType);
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiAnswerRecorder() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !request.getRequestURI().startsWith(request.getContextPath() + API);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } finally {
                    RECORDED.add(new ApiAnswer(request.getMethod(),
                            request.getRequestURI().substring(request.getContextPath().length()), response.getStatus(),
                            response.getContentType(), response.getHeaderNames().stream()
                                    .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())));
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("apiAnswerRecorder");
        return registration;
    }
}
