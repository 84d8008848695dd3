package io.github.atlassianlifecycle.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.reference.DocumentedAnswer;
import io.github.atlassianlifecycle.reference.DocumentedAnswerStub;
import io.github.atlassianlifecycle.reference.DocumentedAnswers;

/**
 * A 404 is a business answer ("no such account") only when its body is the API's documented not-found answer; a
 * 410, or a 404 in any other shape, says the endpoint itself is not there, and the failure names it. Held to the
 * documented 404 answers of all six families, over real HTTP through the production transport.
 */
class EndpointUnavailableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ApiFamily> FAMILIES = Map.of("organizations", ApiFamily.ORGANIZATIONS,
            "usermanagement", ApiFamily.USER_MANAGEMENT, "scim", ApiFamily.SCIM, "jira", ApiFamily.JIRA,
            "confluence", ApiFamily.CONFLUENCE, "bitbucket", ApiFamily.BITBUCKET);

    /** Every documented 404 must be fed; the answers derived from them below are not documented ones. */
    @RegisterExtension
    static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forAnswers(documentedNotFound().toList());

    static Stream<DocumentedAnswer> documentedNotFound() {
        return DocumentedAnswers.all().stream().filter(answer -> answer.status() == 404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedNotFound")
    void a_documented_not_found_answer_stays_a_business_outcome(DocumentedAnswer answer) {
        AtlassianApiException failure = call(answer);

        assertThat(failure.kind()).isEqualTo(AtlassianApiException.Kind.BUSINESS);
        assertThat(failure.isNotFound()).isTrue();
    }

    /** Per family: the same endpoint answering 410, or 404 without the documented not-found body. */
    static Stream<Arguments> notTheDocumentedNotFound() {
        List<Arguments> cases = new ArrayList<>();
        for (String family : DocumentedAnswers.FAMILIES) {
            DocumentedAnswer documented = DocumentedAnswers.of(family).stream().filter(a -> a.status() == 404)
                    .findFirst().orElseThrow(() -> new AssertionError(family + " documents no 404"));
            cases.add(Arguments.of(family + ": 410 with the documented body",
                    documented.answeredWith(410, documented.contentType(), documented.body())));
            cases.add(Arguments.of(family + ": 404 without a body", documented.answeredWith(404, null, null)));
            cases.add(Arguments.of(family + ": 404 as a gateway's plain text",
                    documented.answeredWith(404, "text/plain", JSON.getNodeFactory().textNode("Not Found"))));
            cases.add(Arguments.of(family + ": 404 as a gateway's JSON", documented.answeredWith(404,
                    "application/json", JSON.createObjectNode().put("code", 404).put("message", "Not Found"))));
        }
        cases.add(Arguments.of("organizations: 404 in errors[] without an ADMIN 404 code",
                DocumentedAnswers.named("organizations", "user.404").answeredWith(404, "application/json",
                        json("{\"errors\":[{\"id\":\"1\",\"status\":\"404\",\"title\":\"Not Found\","
                                + "\"detail\":\"No such endpoint\"}]}"))));
        cases.add(Arguments.of("usermanagement: 404 notFound, not accountNotFound",
                DocumentedAnswers.named("usermanagement", "disable.404").answeredWith(404, "application/json",
                        json("{\"key\":\"notFound\"}"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheDocumentedNotFound")
    void an_endpoint_that_is_not_there_is_unavailable_and_named(String name, DocumentedAnswer answer) {
        AtlassianApiException failure = call(answer);

        assertThat(failure.kind()).isEqualTo(AtlassianApiException.Kind.ENDPOINT_UNAVAILABLE);
        assertThat(failure.isNotFound()).isFalse();
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.isBusiness()).isFalse();
        assertThat(failure.status()).isEqualTo(answer.status());
        String template = template(answer.path());
        assertThat(failure.getMessage()).contains(FAMILIES.get(answer.family()).displayName(), answer.operation(),
                answer.method() + " " + template, String.valueOf(answer.status()))
                .doesNotContain("documented-answers-key").doesNotContain("x1").doesNotContain("q1");
    }

    // ---- calling the documented endpoint with the production transport

    private AtlassianApiException call(DocumentedAnswer answer) {
        ApiFamily family = FAMILIES.get(answer.family());
        String template = template(answer.path());
        Object[] ids = new Object[template.split("\\{}", -1).length - 1];
        java.util.Arrays.fill(ids, "x1");
        ApiRequest request = switch (answer.method()) {
            case "GET" -> ApiRequest.get(template, ids);
            case "POST" -> ApiRequest.post(template, ids).body(Map.of());
            case "PUT" -> ApiRequest.put(template, ids).body(Map.of());
            case "PATCH" -> ApiRequest.patch(template, ids).body(Map.of());
            case "DELETE" -> ApiRequest.delete(template, ids);
            default -> throw new IllegalArgumentException(answer.method());
        };
        request.operation(answer.operation());
        queryOf(answer.path()).forEach(request::query);
        return atlassian.failed(answer, () -> atlassian.transport().send(atlassian.endpoint(family), request));
    }

    /** The documented path without its query, each {@code {name}} as the client's {@code {}}. */
    private static String template(String documentedPath) {
        String path = documentedPath.contains("?") ? documentedPath.substring(0, documentedPath.indexOf('?'))
                : documentedPath;
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    /** The documented query, each placeholder given a value. */
    private static Map<String, String> queryOf(String documentedPath) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        if (documentedPath.contains("?")) {
            for (String pair : documentedPath.substring(documentedPath.indexOf('?') + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                String value = parts.length < 2 ? "" : parts[1];
                query.put(parts[0], value.startsWith("{") ? "q1" : value);
            }
        }
        return query;
    }


    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
