package io.github.atlassianlifecycle.simulator.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EqFilterTest {

    static final Set<String> USERS = new LinkedHashSet<>(List.of("userName", "externalId"));

    @Test
    void a_single_eq_is_read_with_names_and_operator_in_any_case() {
        assertThat(EqFilter.parse("USERNAME EQ \"ada@demo.example\"", USERS))
                .isEqualTo(new EqFilter("userName", "ada@demo.example"));
        assertThat(EqFilter.parse(" externalId eq \"emp-1\" ", USERS))
                .isEqualTo(new EqFilter("externalId", "emp-1"));
    }

    @Test
    void escaped_quotes_and_backslashes_are_read_back() {
        assertThat(EqFilter.parse("userName eq \"a\\\"b\\\\c\"", USERS).value()).isEqualTo("a\"b\\c");
        assertThat(EqFilter.parse("userName eq \"x\\\" or userName pr or userName eq \\\"y\"", USERS).value())
                .isEqualTo("x\" or userName pr or userName eq \"y");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "userName sw \"a\"",
            "userName co \"a\"",
            "userName pr",
            "userName eq \"a\" and externalId eq \"b\"",
            "userName eq \"a\" or userName eq \"b\"",
            "userName eq a",
            "userName eq \"a",
            "title eq \"x\"",
            "emails.value eq \"a@b.c\"",
            "active eq true",
            "(userName eq \"a\")" })
    void anything_else_is_an_invalid_filter(String filter) {
        assertThatThrownBy(() -> EqFilter.parse(filter, USERS)).isInstanceOf(ScimError.class)
                .satisfies(e -> assertThat(((ScimError) e).toResponse().getStatusCode().value()).isEqualTo(400))
                .satisfies(e -> assertThat(((ScimError) e).toResponse().getBody()).asString()
                        .contains("scimType=invalidFilter"));
    }

    @Test
    void matching_is_case_insensitive_unless_case_exact() {
        EqFilter filter = new EqFilter("userName", "Ada@Demo.Example");
        assertThat(filter.matches("ada@demo.example", false)).isTrue();
        assertThat(filter.matches("ada@demo.example", true)).isFalse();
        assertThat(filter.matches(null, false)).isFalse();
    }
}
