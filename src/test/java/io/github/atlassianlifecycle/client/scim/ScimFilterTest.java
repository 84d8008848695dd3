package io.github.atlassianlifecycle.client.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ScimFilterTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void a_plain_value_is_quoted() {
        assertThat(ScimFilter.eq("userName", "ada@demo.example")).isEqualTo("userName eq \"ada@demo.example\"");
    }

    @Test
    void quotes_and_backslashes_are_escaped() {
        assertThat(ScimFilter.eq("externalId", "a\"b\\c")).isEqualTo("externalId eq \"a\\\"b\\\\c\"");
    }

    @Test
    void control_characters_are_escaped_as_json_does() {
        assertThat(ScimFilter.eq("userName", "a\nb\tc\u0001")).isEqualTo("userName eq \"a\\nb\\tc\\u0001\"");
    }

    @Test
    void an_injection_attempt_stays_one_value() throws Exception {
        String hostile = "x\" or userName pr or userName eq \"y";
        String filter = ScimFilter.eq("userName", hostile);
        String quoted = filter.substring("userName eq ".length());
        assertThat(json.readValue(quoted, String.class)).isEqualTo(hostile);
        assertThat(quoted).startsWith("\"").endsWith("\"");
    }

    @Test
    void unicode_passes_through_unchanged() {
        assertThat(ScimFilter.eq("userName", "zoë@demo.example")).isEqualTo("userName eq \"zoë@demo.example\"");
    }

    @Test
    void the_attribute_must_be_an_attribute_name_and_the_value_present() {
        assertThatThrownBy(() -> ScimFilter.eq("userName eq \"a\" or x", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScimFilter.eq("", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScimFilter.eq("userName", null)).isInstanceOf(NullPointerException.class);
    }
}
