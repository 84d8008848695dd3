package io.github.atlassianlifecycle.simulator.control;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.atlassianlifecycle.simulator.core.SimulatedApi;

/**
 * Faults the simulator injects into the simulated APIs, set through {@code PUT /sim/_control/faults}
 * ({@code {}} clears them all). Rates are probabilities per call, 0 to 1.
 */
public class Faults {

    /** Calls allowed per second and API family before 429; null = no quota. */
    private volatile Integer rateLimitPerSecond;
    /** Seconds a 429 tells the caller to wait ({@code Retry-After}); null = until the quota window ends. */
    private volatile Integer retryAfterSeconds;
    /** With {@link #retryAfterSeconds}: each 429 tells a wait drawn evenly from that to this; null = always that. */
    private volatile Integer retryAfterMaxSeconds;
    /** Send {@code Retry-After} on 429s; false sends only {@code X-RateLimit-Reset} (the admin API's header is unverified). */
    private volatile boolean retryAfterHeader = true;
    private volatile double serverErrorRate;
    private volatile double tooManyRequestsRate;
    /** Share of calls that hang for {@link #timeoutMs} and then answer 504. */
    private volatile double timeoutRate;
    /** Added to every call. */
    private volatile int latencyMs;
    private volatile int timeoutMs = 35_000;
    /** The API families the faults apply to ({@code ["jira"]}, {@code ["user-management"]}); empty = all of them. */
    private volatile Set<SimulatedApi> families = Set.of();

    /** Applies the given settings on top of a clean slate: fields not named are cleared. */
    public synchronized void replace(Map<String, Object> settings) {
        Faults fresh = new Faults();
        settings.forEach((name, value) -> fresh.set(name, value));
        if (fresh.retryAfterMaxSeconds != null
                && (fresh.retryAfterSeconds == null || fresh.retryAfterMaxSeconds < fresh.retryAfterSeconds)) {
            throw new IllegalArgumentException("retryAfterMaxSeconds needs retryAfterSeconds, and no less than it");
        }
        rateLimitPerSecond = fresh.rateLimitPerSecond;
        retryAfterSeconds = fresh.retryAfterSeconds;
        retryAfterMaxSeconds = fresh.retryAfterMaxSeconds;
        retryAfterHeader = fresh.retryAfterHeader;
        serverErrorRate = fresh.serverErrorRate;
        tooManyRequestsRate = fresh.tooManyRequestsRate;
        timeoutRate = fresh.timeoutRate;
        latencyMs = fresh.latencyMs;
        timeoutMs = fresh.timeoutMs;
        families = fresh.families;
    }

    public void clear() {
        replace(Map.of());
    }

    private void set(String name, Object value) {
        switch (name) {
            case "rateLimitPerSecond" -> rateLimitPerSecond = value == null ? null : positive(name, value);
            case "retryAfterSeconds" -> retryAfterSeconds = value == null ? null : nonNegative(name, value);
            case "retryAfterMaxSeconds" -> retryAfterMaxSeconds = value == null ? null : nonNegative(name, value);
            case "retryAfterHeader" -> {
                if (!(value instanceof Boolean flag)) {
                    throw new IllegalArgumentException("retryAfterHeader must be true or false");
                }
                retryAfterHeader = flag;
            }
            case "serverErrorRate" -> serverErrorRate = rate(name, value);
            case "tooManyRequestsRate" -> tooManyRequestsRate = rate(name, value);
            case "timeoutRate" -> timeoutRate = rate(name, value);
            case "latencyMs" -> latencyMs = nonNegative(name, value);
            case "timeoutMs" -> timeoutMs = positive(name, value);
            case "families" -> families = families(value);
            default -> throw new IllegalArgumentException("unknown fault " + name);
        }
    }

    private static Set<SimulatedApi> families(Object value) {
        if (!(value instanceof List<?> names)) {
            throw new IllegalArgumentException("families must be a list such as [\"jira\", \"user-management\"]");
        }
        Set<SimulatedApi> chosen = EnumSet.noneOf(SimulatedApi.class);
        for (Object name : names) {
            try {
                chosen.add(SimulatedApi.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown family " + name + " (organizations, user-management, scim,"
                        + " jira, confluence, bitbucket)");
            }
        }
        return Set.copyOf(chosen);
    }

    /** Whether the faults apply to calls of this family. */
    public boolean appliesTo(SimulatedApi family) {
        return families.isEmpty() || families.contains(family);
    }

    public Set<SimulatedApi> getFamilies() {
        return families;
    }

    private static double rate(String name, Object value) {
        if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
            throw new IllegalArgumentException(name + " must be a number from 0 to 1");
        }
        return number.doubleValue();
    }

    private static int nonNegative(String name, Object value) {
        if (!(value instanceof Number number) || number.intValue() < 0 || number.doubleValue() != number.intValue()) {
            throw new IllegalArgumentException(name + " must be a whole number, 0 or more");
        }
        return number.intValue();
    }

    private static int positive(String name, Object value) {
        int number = nonNegative(name, value);
        if (number == 0) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return number;
    }

    public Integer getRateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public Integer getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Integer getRetryAfterMaxSeconds() {
        return retryAfterMaxSeconds;
    }

    public boolean isRetryAfterHeader() {
        return retryAfterHeader;
    }

    public double getServerErrorRate() {
        return serverErrorRate;
    }

    public double getTooManyRequestsRate() {
        return tooManyRequestsRate;
    }

    public double getTimeoutRate() {
        return timeoutRate;
    }

    public int getLatencyMs() {
        return latencyMs;
    }

    public int getTimeoutMs() {
        return timeoutMs;
    }
}
