package io.github.atlassianlifecycle.simulator.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.simulator.core.ErrorBodies;
import io.github.atlassianlifecycle.simulator.core.MovableClock;
import io.github.atlassianlifecycle.simulator.core.SimulatedApi;
import io.github.atlassianlifecycle.simulator.core.SimulatorPaths;

/**
 * Injects the {@link Faults} into calls to the simulated APIs: latency, hangs, 5xx, and 429 with Atlassian's
 * headers, either at random or from a per-family quota per second. Errors come in the API family's own body shape.
 */
public class FaultInjector extends OncePerRequestFilter {

    private final Faults faults;
    private final MovableClock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<SimulatedApi, Window> windows = new ConcurrentHashMap<>();

    public FaultInjector(Faults faults, MovableClock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SimulatorPaths.family(SimulatorPaths.path(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SimulatedApi family = SimulatorPaths.family(SimulatorPaths.path(request));
        if (!faults.appliesTo(family)) {
            chain.doFilter(request, response);
            return;
        }
        sleep(faults.getLatencyMs());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (faults.getTimeoutRate() > 0 && random.nextDouble() < faults.getTimeoutRate()) {
            sleep(faults.getTimeoutMs());
            response.setStatus(HttpServletResponse.SC_GATEWAY_TIMEOUT);
            return;
        }
        Integer quota = faults.getRateLimitPerSecond();
        Instant now = clock.instant();
        if (quota != null) {
            Window window = windows.compute(family, (f, current) -> current == null || !current.covers(now)
                    ? new Window(now.truncatedTo(ChronoUnit.SECONDS)) : current);
            int used = window.count.incrementAndGet();
            if (used > quota) {
                tooManyRequests(response, family, quota, window.end());
                return;
            }
            response.setHeader("X-RateLimit-Limit", String.valueOf(quota));
            response.setHeader("X-RateLimit-Remaining", String.valueOf(quota - used));
        }
        if (faults.getTooManyRequestsRate() > 0 && random.nextDouble() < faults.getTooManyRequestsRate()) {
            tooManyRequests(response, family, quota == null ? 100 : quota, now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
            return;
        }
        if (faults.getServerErrorRate() > 0 && random.nextDouble() < faults.getServerErrorRate()) {
            write(response, error(family, HttpStatus.INTERNAL_SERVER_ERROR, "Simulated server error"));
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooManyRequests(HttpServletResponse response, SimulatedApi family, int limit, Instant reset)
            throws IOException {
        Instant now = clock.instant();
        Integer retryAfter = faults.getRetryAfterSeconds();
        Integer retryAfterMax = faults.getRetryAfterMaxSeconds();
        if (retryAfter != null && retryAfterMax != null) {
            retryAfter = ThreadLocalRandom.current().nextInt(retryAfter, retryAfterMax + 1);
        }
        long seconds = retryAfter != null ? retryAfter : Math.max(1, Duration.between(now, reset).toSeconds() + 1);
        if (faults.isRetryAfterHeader()) {
            response.setHeader("Retry-After", String.valueOf(seconds));
        }
        Instant resetAt = retryAfter != null ? now.plusSeconds(retryAfter) : reset;
        response.setHeader("X-RateLimit-Limit", String.valueOf(limit));
        response.setHeader("X-RateLimit-Remaining", "0");
        response.setHeader("X-RateLimit-Reset", resetAt.truncatedTo(ChronoUnit.SECONDS).toString());
        if (family == SimulatedApi.JIRA || family == SimulatedApi.CONFLUENCE) {
            response.setHeader("RateLimit-Reason", "jira-quota-tenant-based");
        }
        if (family == SimulatedApi.ORGANIZATIONS || family == SimulatedApi.JIRA) {
            // Their references document the 429 and its headers but no body: none is sent.
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        write(response, error(family, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded"));
    }

    static ResponseEntity<Object> error(SimulatedApi family, HttpStatus status, String message) {
        return switch (family) {
            case ORGANIZATIONS -> ErrorBodies.organizations(status,
                    "ADMIN-UAM-" + status.value() + "-1", status.getReasonPhrase(), message);
            case USER_MANAGEMENT -> ErrorBodies.userManagement(status,
                    status == HttpStatus.TOO_MANY_REQUESTS ? "rateLimited" : "internalServerError", null);
            case SCIM -> ErrorBodies.scim(status, null, message);
            case JIRA -> ErrorBodies.jira(status, java.util.List.of(message), null);
            case CONFLUENCE -> ErrorBodies.confluence(status, message);
            case BITBUCKET -> ErrorBodies.bitbucket(status, message, null);
        };
    }

    private void write(HttpServletResponse response, ResponseEntity<Object> entity) throws IOException {
        response.setStatus(entity.getStatusCode().value());
        response.setContentType(entity.getHeaders().getContentType() == null ? "application/json"
                : entity.getHeaders().getContentType().toString());
        json.writeValue(response.getOutputStream(), entity.getBody());
    }

    private static void sleep(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One second of a family's quota. */
    private record Window(Instant start, AtomicInteger count) {

        Window(Instant start) {
            this(start, new AtomicInteger());
        }

        boolean covers(Instant now) {
            return !now.isBefore(start) && now.isBefore(end());
        }

        Instant end() {
            return start.plusSeconds(1);
        }
    }
}
