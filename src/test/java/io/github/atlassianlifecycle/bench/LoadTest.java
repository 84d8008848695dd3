package io.github.atlassianlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoadTest {

    @Test
    void twenty_a_second_for_sixty_seconds_is_twelve_hundred_sends_fifty_milliseconds_apart() {
        List<Duration> times = Load.schedule(20, Duration.ofSeconds(60));

        assertThat(times).hasSize(1200);
        assertThat(times.get(0)).isZero();
        assertThat(times.get(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(times.get(1199)).isEqualTo(Duration.ofMillis(59_950));
    }

    @Test
    void a_rate_that_does_not_divide_a_second_keeps_its_average() {
        List<Duration> times = Load.schedule(3, Duration.ofSeconds(2));

        assertThat(times).containsExactly(Duration.ZERO, Duration.ofNanos(333_333_333), Duration.ofNanos(666_666_667),
                Duration.ofSeconds(1), Duration.ofNanos(1_333_333_333), Duration.ofNanos(1_666_666_667));
    }

    @Test
    void a_rate_of_nothing_is_refused() {
        assertThatThrownBy(() -> Load.schedule(0, Duration.ofSeconds(1))).hasMessageContaining("positive");
    }
}
