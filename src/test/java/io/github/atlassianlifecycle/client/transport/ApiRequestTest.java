package io.github.atlassianlifecycle.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void path_segments_are_encoded_so_an_id_cannot_leave_its_segment() {
        assertThat(ApiRequest.post("/users/{}/manage/lifecycle/disable", "557058:ba89|x/../y").path())
                .isEqualTo("/users/557058%3Aba89%7Cx%2F..%2Fy/manage/lifecycle/disable");
    }

    @Test
    void query_parameters_are_encoded_and_nulls_left_out() {
        ApiRequest request = ApiRequest.get("/rest/api/3/user").query("accountId", "a b&c").query("expand", null)
                .queryEach("ids", List.of("1", "2"));
        assertThat(request.pathAndQuery()).isEqualTo("/rest/api/3/user?accountId=a%20b%26c&ids=1&ids=2");
    }

    @Test
    void the_number_of_segments_must_match_the_template() {
        assertThatThrownBy(() -> ApiRequest.get("/users/{}/x/{}", "a")).hasMessageContaining("too few");
        assertThatThrownBy(() -> ApiRequest.get("/users/{}", "a", "b")).hasMessageContaining("too many");
        assertThatThrownBy(() -> ApiRequest.get("/users/{}", "")).hasMessageContaining("empty");
    }

    @Test
    void the_operation_defaults_to_method_and_template() {
        assertThat(ApiRequest.delete("/groups/{}", "g1").operation()).isEqualTo("DELETE /groups/{}");
        assertThat(ApiRequest.delete("/groups/{}", "g1").operation("org.deleteGroup").operation()).isEqualTo("org.deleteGroup");
    }
}
