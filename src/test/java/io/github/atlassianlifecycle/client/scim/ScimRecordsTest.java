package io.github.atlassianlifecycle.client.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The SCIM bodies as Atlassian writes and reads them, and the client's paging loop. */
class ScimRecordsTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void a_user_is_sent_without_its_read_only_attributes() throws Exception {
        ScimUser read = json.readValue("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"s1","userName":"ada@demo.example",
                 "emails":[{"value":"ada@demo.example","type":"work","primary":true}],"active":false,
                 "groups":[{"value":"g1","display":"eng"}],
                 "urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"5b10ac8d82e05b22cc7d4ef5"},
                 "meta":{"resourceType":"User","created":"2024-01-02T03:04:05.000+01:00"}}
                """, ScimUser.class);
        assertThat(read.atlassianAccountId()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(read.active()).isFalse();
        assertThat(read.isDeactivated()).isTrue();
        assertThat(read.primaryEmail()).isEqualTo("ada@demo.example");
        assertThat(read.meta().createdAt()).hasToString("2024-01-02T02:04:05Z");

        JsonNode sent = json.valueToTree(read.forWrite());
        assertThat(sent.has("id")).isFalse();
        assertThat(sent.has("meta")).isFalse();
        assertThat(sent.has("groups")).isFalse();
        assertThat(sent.has(ScimUser.ATLASSIAN_EXTENSION)).isFalse();
        assertThat(sent.get("schemas").get(0).asText()).isEqualTo(ScimUser.SCHEMA);
        assertThat(sent.get("userName").asText()).isEqualTo("ada@demo.example");
        assertThat(sent.get("active").asBoolean(true)).isFalse();
    }

    @Test
    void the_builder_makes_one_primary_work_email_and_a_formatted_name() {
        ScimUser user = ScimUser.builder("grace").email("grace@demo.example").name("Grace", "Hopper").build();
        assertThat(user.emails()).containsExactly(new ScimUser.Email("grace@demo.example", "work", true));
        assertThat(user.name().formatted()).isEqualTo("Grace Hopper");
        assertThat(user.toBuilder().title("Admiral").build().name()).isEqualTo(user.name());
    }

    @Test
    void a_patch_is_written_with_capital_operations() {
        JsonNode sent = json.valueToTree(ScimPatch.of(ScimPatch.Operation.replace("active", false)));
        assertThat(sent.toString()).isEqualTo(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertThatThrownBy(() -> ScimPatch.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_list_response_reads_resources_in_either_case() throws Exception {
        TypeReference<ListResponse<ScimGroup>> type = new TypeReference<>() { };
        ListResponse<ScimGroup> upper = json.readValue("""
                {"totalResults":3,"startIndex":1,"itemsPerPage":2,"Resources":[{"id":"a"},{"id":"b"}]}""", type);
        ListResponse<ScimGroup> lower = json.readValue("""
                {"totalResults":3,"startIndex":3,"itemsPerPage":1,"resources":[{"id":"c"}]}""", type);
        assertThat(upper.resources()).hasSize(2);
        assertThat(upper.hasMore()).isTrue();
        assertThat(lower.resources()).extracting(ScimGroup::id).containsExactly("c");
        assertThat(lower.hasMore()).isFalse();
    }

    @Test
    void paging_follows_start_index_until_the_total_is_reached() {
        List<Integer> asked = new ArrayList<>();
        List<String> all = ScimClient.all((startIndex, count) -> {
            asked.add(startIndex);
            int end = Math.min(250, startIndex - 1 + count);
            List<String> items = new ArrayList<>();
            for (int i = startIndex; i <= end; i++) {
                items.add("u" + i);
            }
            return new ListResponse<>(null, 250, startIndex, items.size(), items);
        });
        assertThat(all).hasSize(250).doesNotHaveDuplicates();
        assertThat(asked).containsExactly(1, 101, 201);
    }

    @Test
    void paging_stops_at_an_empty_page_even_when_the_total_says_more() {
        List<String> all = ScimClient.all((startIndex, count) -> new ListResponse<>(null, 500, startIndex, 0, List.of()));
        assertThat(all).isEmpty();
    }

    @Test
    void paging_gives_up_on_a_directory_that_never_ends() {
        assertThatThrownBy(() -> ScimClient.all((startIndex, count) ->
                new ListResponse<>(null, Integer.MAX_VALUE, 1, 1, List.of("same"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not end");
    }
}
