package io.github.atlassianlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void the_percentiles_of_one_to_a_hundred_are_their_own_ranks() {
        Percentiles percentiles = new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).boxed().toList());

        assertThat(percentiles.summary()).containsExactly(
                org.assertj.core.api.Assertions.entry("p50", 50L),
                org.assertj.core.api.Assertions.entry("p95", 95L),
                org.assertj.core.api.Assertions.entry("p99", 99L));
    }

    @Test
    void a_few_samples_give_the_nearest_rank_not_an_interpolation() {
        Percentiles percentiles = new Percentiles(List.of(10L, 1000L, 20L));

        assertThat(percentiles.at(50)).isEqualTo(20);
        assertThat(percentiles.at(99)).isEqualTo(1000);
        assertThat(percentiles.at(33)).isEqualTo(10);
    }

    @Test
    void no_samples_or_a_percentile_out_of_range_is_refused() {
        assertThatThrownBy(() -> new Percentiles(List.of())).hasMessageContaining("no samples");
        assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(0)).hasMessageContaining("over 0");
        assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(101)).hasMessageContaining("at most 100");
    }
}
