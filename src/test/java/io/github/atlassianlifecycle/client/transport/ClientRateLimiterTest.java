package io.github.atlassianlifecycle.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;

class ClientRateLimiterTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    final List<Duration> waits = new ArrayList<>();

    ClientRateLimiter limiter(double rate, Duration maxWait) {
        return new ClientRateLimiter(Map.of(ApiFamily.ORGANIZATIONS, rate), maxWait, clock, duration -> {
            waits.add(duration);
            clock.now = clock.now.plus(duration);
        });
    }

    @Test
    void a_burst_of_one_seconds_worth_goes_through_without_waiting() {
        ClientRateLimiter limiter = limiter(5, Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            limiter.beforeCall(ApiFamily.ORGANIZATIONS, "op");
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void beyond_the_burst_calls_are_spaced_at_the_configured_rate() {
        ClientRateLimiter limiter = limiter(5, Duration.ofSeconds(2));
        for (int i = 0; i < 8; i++) {
            limiter.beforeCall(ApiFamily.ORGANIZATIONS, "op");
        }
        assertThat(waits).hasSize(3).allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofMillis(200)));
    }

    @Test
    void a_call_that_would_wait_too_long_is_refused_as_rate_limited_with_a_retry_instant() {
        ClientRateLimiter limiter = limiter(1, Duration.ofMillis(500));
        limiter.beforeCall(ApiFamily.ORGANIZATIONS, "organizations.suspendUser");
        assertThatThrownBy(() -> limiter.beforeCall(ApiFamily.ORGANIZATIONS, "organizations.suspendUser"))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.isRateLimited()).isTrue();
                    assertThat(e.errorKey()).isEqualTo("clientRateLimit");
                    assertThat(e.retryAt()).contains(clock.now.plusSeconds(1));
                });
        assertThat(waits).isEmpty();
    }

    @Test
    void other_families_and_unlimited_families_are_not_held_back() {
        ClientRateLimiter limiter = limiter(1, Duration.ZERO);
        limiter.beforeCall(ApiFamily.ORGANIZATIONS, "op");
        for (int i = 0; i < 100; i++) {
            limiter.beforeCall(ApiFamily.JIRA, "op");
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void tokens_come_back_with_time() {
        ClientRateLimiter limiter = limiter(2, Duration.ZERO);
        limiter.beforeCall(ApiFamily.ORGANIZATIONS, "op");
        limiter.beforeCall(ApiFamily.ORGANIZATIONS, "op");
        assertThatThrownBy(() -> limiter.beforeCall(ApiFamily.ORGANIZATIONS, "op")).isInstanceOf(AtlassianApiException.class);
        clock.now = clock.now.plusMillis(500);
        limiter.beforeCall(ApiFamily.ORGANIZATIONS, "op");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
