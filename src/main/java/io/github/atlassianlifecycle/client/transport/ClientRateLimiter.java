package io.github.atlassianlifecycle.client.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;

/**
 * Keeps bulk work under Atlassian's quotas on our side, one token bucket per API family (burst = one second's worth).
 * A call that would wait up to {@code maxWait} waits; one that would wait longer is refused at once with a
 * rate-limit exception carrying the instant to retry at, so the process engine reschedules the job instead of
 * holding a thread.
 */
public class ClientRateLimiter implements ApiCallGate {

    private final Map<ApiFamily, Bucket> buckets = new EnumMap<>(ApiFamily.class);
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;

    /** How the limiter waits; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param requestsPerSecond per family; a family that is missing, or at 0 or below, is not limited
     */
    public ClientRateLimiter(Map<ApiFamily, Double> requestsPerSecond, Duration maxWait, Clock clock, Sleeper sleeper) {
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
        requestsPerSecond.forEach((family, rate) -> {
            if (rate != null && rate > 0) {
                buckets.put(family, new Bucket(rate, clock.instant()));
            }
        });
    }

    public ClientRateLimiter(Map<ApiFamily, Double> requestsPerSecond, Duration maxWait) {
        this(requestsPerSecond, maxWait, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    @Override
    public void beforeCall(ApiFamily family, String operation) {
        Bucket bucket = buckets.get(family);
        if (bucket == null) {
            return;
        }
        Duration wait = bucket.reserve(clock.instant(), maxWait);
        if (wait == null) {
            Instant retryAt = clock.instant().plus(bucket.timeUntilFree(clock.instant()));
            throw new AtlassianApiException(family, operation, 429, "clientRateLimit", null,
                    "held back on our side to stay under " + bucket.rate + " requests per second", null, retryAt,
                    null, null);
        }
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AtlassianApiException.noAnswer(family, operation, "interrupted while rate limited", e);
            }
        }
    }

    /** Token bucket; tokens below zero are reservations of callers already told to wait. */
    private static final class Bucket {

        final double rate;
        final double capacity;
        double tokens;
        Instant updated;

        Bucket(double rate, Instant now) {
            this.rate = rate;
            this.capacity = Math.max(1, rate);
            this.tokens = capacity;
            this.updated = now;
        }

        /** The wait before this call may go, having reserved its token; null if that wait would exceed the limit. */
        synchronized Duration reserve(Instant now, Duration maxWait) {
            refill(now);
            double missing = 1 - tokens;
            Duration wait = missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) (missing / rate * 1_000_000_000L));
            if (wait.compareTo(maxWait) > 0) {
                return null;
            }
            tokens -= 1;
            return wait;
        }

        synchronized Duration timeUntilFree(Instant now) {
            refill(now);
            double missing = 1 - tokens;
            return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) (missing / rate * 1_000_000_000L));
        }

        private void refill(Instant now) {
            if (now.isAfter(updated)) {
                double elapsed = Duration.between(updated, now).toNanos() / 1_000_000_000.0;
                tokens = Math.min(capacity, tokens + elapsed * rate);
                updated = now;
            }
        }
    }
}
