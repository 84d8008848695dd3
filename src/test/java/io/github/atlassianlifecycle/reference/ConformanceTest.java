package io.github.atlassianlifecycle.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance check itself: what crossed a recording hop is held against the documented answers. A documented
 * answer passes; the same call answered in another shape, status or media type does not.
 */
class ConformanceTest {

    private static final String USER = "/admin/v2/orgs/o1/directories/d1/users/5b10ac8d82e05b22cc7d4ef5";

    private final HttpClient http = HttpClient.newHttpClient();
    private DocumentedAnswerServer atlassian;
    private RecordingProxy proxy;

    @BeforeEach
    void start() {
        atlassian = DocumentedAnswerServer.start();
        proxy = RecordingProxy.to(atlassian.baseUrl());
    }

    @AfterEach
    void stop() {
        proxy.close();
        atlassian.close();
    }

    @Test
    void a_documented_answer_passes_and_counts_as_seen() throws Exception {
        DocumentedAnswer documented = DocumentedAnswers.named("organizations", "user.200");
        atlassian.answer(documented);
        get(USER);

        assertThat(Conformance.undocumented("organizations", proxy.recorded())).isEmpty();
        assertThat(Conformance.unseen("organizations", proxy.recorded())).doesNotContain(documented)
                .contains(DocumentedAnswers.named("organizations", "user.404"));
    }

    @Test
    void the_user_answered_without_its_data_envelope_is_not_as_documented() throws Exception {
        DocumentedAnswer documented = DocumentedAnswers.named("organizations", "user.200");
        atlassian.answer(withBody(documented, documented.body().get("data")));
        get(USER);

        List<String> problems = Conformance.undocumented("organizations", proxy.recorded());
        assertThat(problems).singleElement().asString().contains("user-details.schema.json").contains("data");
        assertThat(Conformance.unseen("organizations", proxy.recorded())).contains(documented);
    }

    @Test
    void a_status_the_reference_does_not_document_for_the_call_is_reported() throws Exception {
        DocumentedAnswer documented = DocumentedAnswers.named("organizations", "user.200");
        atlassian.answer(new DocumentedAnswer(documented.file(), documented.family(), documented.documentation(),
                documented.operation(), documented.method(), documented.path(), 201, documented.contentType(),
                documented.headers(), documented.body(), documented.schema(), documented.distinguishedBy(), null));
        get(USER);

        assertThat(Conformance.undocumented("organizations", proxy.recorded())).singleElement().asString()
                .contains("documents no 201");
    }

    @Test
    void another_media_type_is_reported() throws Exception {
        DocumentedAnswer documented = DocumentedAnswers.named("organizations", "user.200");
        atlassian.answer(new DocumentedAnswer(documented.file(), documented.family(), documented.documentation(),
                documented.operation(), documented.method(), documented.path(), 200, "text/plain",
                documented.headers(), documented.body(), documented.schema(), documented.distinguishedBy(), null));
        get(USER);

        assertThat(Conformance.undocumented("organizations", proxy.recorded())).singleElement().asString()
                .contains("Content-Type text/plain, documented application/json");
    }

    @Test
    void a_fixed_query_parameter_tells_a_documented_variant_apart() {
        PathTemplate expanded = PathTemplate.of("/rest/api/3/user?accountId={accountId}&expand=groups");
        PathTemplate plain = PathTemplate.of("/rest/api/3/user?accountId={accountId}");

        assertThat(expanded.matches("/rest/api/3/user", "accountId=a1&expand=groups")).isTrue();
        assertThat(expanded.matches("/rest/api/3/user", "accountId=a1")).isFalse();
        assertThat(plain.matches("/rest/api/3/user", "accountId=a1&expand=groups")).isTrue();
        assertThat(expanded.fixedParts()).isGreaterThan(plain.fixedParts());
        assertThat(PathTemplate.of("/admin/v2/orgs/{orgId}/directories/{d}/users/search").fixedParts())
                .isGreaterThan(PathTemplate.of("/admin/v2/orgs/{orgId}/directories/{d}/users/{accountId}").fixedParts());
    }

    @Test
    void a_segment_is_compared_decoded_and_an_encoded_slash_stays_in_its_segment() {
        PathTemplate schema = PathTemplate.of("/scim/directory/{d}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        PathTemplate user = PathTemplate.of("/scim/directory/{d}/Users/{id}");

        assertThat(schema.matches("/scim/directory/d1/Schemas/urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Acore%3A2.0%3AUser",
                null)).isTrue();
        assertThat(schema.matches("/scim/directory/d1/Schemas/urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Acore%3A2.0%3AGroup",
                null)).isFalse();
        assertThat(user.matches("/scim/directory/d1/Users/a%2Fb", null)).isTrue();
        assertThat(user.matches("/scim/directory/d1/Users/a/b", null)).isFalse();
    }

    private static DocumentedAnswer withBody(DocumentedAnswer answer, com.fasterxml.jackson.databind.JsonNode body) {
        return new DocumentedAnswer(answer.file(), answer.family(), answer.documentation(), answer.operation(),
                answer.method(), answer.path(), answer.status(), answer.contentType(), answer.headers(), body,
                answer.schema(), answer.distinguishedBy(), null);
    }

    private void get(String path) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
