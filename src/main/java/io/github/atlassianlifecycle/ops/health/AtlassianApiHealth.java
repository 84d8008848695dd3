package io.github.atlassianlifecycle.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;

/**
 * One Atlassian API family's health: a cheap authenticated read ({@link ApiProbes}), its answer kept for
 * {@code atlassian.health.cache-for} so that however often probes and people ask, the API is read at most once per
 * period and the rate limit is never spent on health. Concurrent askers wait for the one read in progress. A 429 is
 * an API that answers: UP, marked rate-limited. The details hold the family, when it was read and, when DOWN, the
 * failure's message, which the transport has already cleared of credentials.
 */
public class AtlassianApiHealth implements HealthIndicator {

    private final ApiFamily family;
    private final Runnable probe;
    private final Duration cacheFor;
    private final Clock clock;
    private Health last;
    private Instant readAt;

    public AtlassianApiHealth(ApiFamily family, Runnable probe, Duration cacheFor, Clock clock) {
        this.family = family;
        this.probe = probe;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(readAt.plus(cacheFor))) {
            last = read(now);
            readAt = now;
        }
        return last;
    }

    private Health read(Instant now) {
        Health.Builder health;
        try {
            probe.run();
            health = Health.up();
        } catch (AtlassianApiException failure) {
            health = failure.isRateLimited() ? Health.up().withDetail("rateLimited", true)
                    : Health.down().withDetail("error", failure.getMessage());
        } catch (RuntimeException failure) {
            // Not the transport's own exception: its message was never scrubbed, so only its kind is shown.
            health = Health.down().withDetail("error", failure.getClass().getSimpleName());
        }
        return health.withDetail("api", family.displayName()).withDetail("readAt", now.toString()).build();
    }
}
