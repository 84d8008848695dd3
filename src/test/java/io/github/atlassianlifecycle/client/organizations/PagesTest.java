package io.github.atlassianlifecycle.client.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.client.AtlassianApiException;

class PagesTest {

    @Test
    void follows_next_until_it_is_absent_and_keeps_the_order() {
        Map<String, Page<String>> pages = Map.of(
                "", new Page<>(List.of("a", "b"), new PageLinks("s0", null, "c1")),
                "c1", new Page<>(List.of("c", "d"), new PageLinks("c1", "s0", "c2")),
                "c2", new Page<>(List.of("e"), new PageLinks("c2", "c1", null)));
        List<String> asked = new ArrayList<>();
        List<String> all = new Pages(10).collect("test.list", cursor -> {
            asked.add(String.valueOf(cursor));
            return pages.get(cursor == null ? "" : cursor);
        });
        assertThat(all).containsExactly("a", "b", "c", "d", "e");
        assertThat(asked).containsExactly("null", "c1", "c2");
    }

    @Test
    void a_blank_next_ends_the_listing() {
        assertThat(new Pages(10).collect("test.list", cursor -> new Page<>(List.of("x"), new PageLinks(null, null, " "))))
                .containsExactly("x");
    }

    @Test
    void a_cursor_that_comes_back_is_a_broken_api_not_an_endless_loop() {
        assertThatThrownBy(() -> new Pages(100).collect("test.list",
                cursor -> new Page<>(List.of("x"), new PageLinks(null, null, "same"))))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.errorKey()).isEqualTo("pagingBroken");
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.operation()).isEqualTo("test.list");
                });
    }

    @Test
    void more_pages_than_the_bound_stop_with_an_error() {
        int[] n = { 0 };
        assertThatThrownBy(() -> new Pages(3).collect("test.list",
                cursor -> new Page<>(List.of("x"), new PageLinks(null, null, "c" + n[0]++))))
                .isInstanceOf(AtlassianApiException.class).hasMessageContaining("more than 3 pages");
        assertThat(n[0]).isEqualTo(3);
    }
}
