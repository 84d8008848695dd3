package io.github.atlassianlifecycle.simulator.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What {@code attributes} and {@code excludedAttributes} leave of a SCIM user (RFC 7644 §3.4.2.5). */
class AttributeSelectionTest {

    private final Map<String, Object> user = user();

    @Test
    void attributes_keep_only_the_named_ones_and_id_and_schemas_always() {
        Map<String, Object> selected = AttributeSelection.of("userName", null).apply(user);

        assertThat(selected).containsOnlyKeys("schemas", "id", "userName");
    }

    @Test
    void a_sub_attribute_keeps_only_that_part_of_each_value_and_names_ignore_case_and_the_core_urn() {
        Map<String, Object> selected = AttributeSelection
                .of("EMAILS.value,urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", null).apply(user);

        assertThat(selected).containsOnlyKeys("schemas", "id", "emails", "name");
        assertThat(selected.get("emails")).isEqualTo(List.of(Map.of("value", "ada@demo.example")));
        assertThat(selected.get("name")).isEqualTo(Map.of("givenName", "Ada"));
    }

    @Test
    void excluded_attributes_drop_the_named_ones_but_never_id_or_schemas() {
        Map<String, Object> selected = AttributeSelection
                .of(null, "id,groups,emails.type," + UserDraft.ATLASSIAN + ":atlassianAccountId").apply(user);

        assertThat(selected).containsKeys("schemas", "id", "userName", "emails", "name").doesNotContainKeys("groups",
                UserDraft.ATLASSIAN);
        assertThat(selected.get("emails")).isEqualTo(List.of(Map.of("value", "ada@demo.example", "primary", true)));
    }

    @Test
    void no_selection_answers_the_whole_user_and_both_at_once_are_refused() {
        assertThat(AttributeSelection.of(null, " ").apply(user)).isEqualTo(user);
        assertThatThrownBy(() -> AttributeSelection.of("userName", "emails")).isInstanceOf(ScimError.class)
                .hasMessageContaining("mutually exclusive");
    }

    private static Map<String, Object> user() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("schemas", List.of(UserDraft.SCHEMA, UserDraft.ATLASSIAN));
        user.put("id", "u1");
        user.put("userName", "ada@demo.example");
        user.put("name", Map.of("givenName", "Ada", "familyName", "Lovelace"));
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("value", "ada@demo.example");
        email.put("type", "work");
        email.put("primary", true);
        user.put("emails", List.of(email));
        user.put("groups", List.of(Map.of("value", "g1")));
        user.put(UserDraft.ATLASSIAN, Map.of("atlassianAccountId", "a1"));
        return user;
    }
}
