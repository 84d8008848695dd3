package io.github.atlassianlifecycle.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void retry_after_in_seconds() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "7"), NOW)).isEqualTo(NOW.plusSeconds(7));
    }

    @Test
    void retry_after_as_an_http_date() {
        assertThat(RetryAfter.parse(Map.of("retry-after", "Sat, 28 Nov 2026 12:01:30 GMT"), NOW))
                .isEqualTo(Instant.parse("2026-11-28T12:01:30Z"));
    }

    @Test
    void rate_limit_reset_as_iso_8601_when_there_is_no_retry_after() {
        assertThat(RetryAfter.parse(Map.of("X-RateLimit-Reset", "2026-11-28T12:00:42Z"), NOW))
                .isEqualTo(Instant.parse("2026-11-28T12:00:42Z"));
        assertThat(RetryAfter.parse(Map.of("X-RateLimit-Reset", "2026-11-28T13:00:42+01:00"), NOW))
                .isEqualTo(Instant.parse("2026-11-28T12:00:42Z"));
    }

    @Test
    void rate_limit_reset_in_epoch_seconds() {
        assertThat(RetryAfter.parse(Map.of("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 60)), NOW))
                .isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void retry_after_wins_over_rate_limit_reset() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "3", "X-RateLimit-Reset", "2026-11-28T12:10:00Z"), NOW))
                .isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void nothing_usable_gives_null() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "soon"), NOW)).isNull();
        assertThat(RetryAfter.parse(Map.of(), NOW)).isNull();
    }
}
