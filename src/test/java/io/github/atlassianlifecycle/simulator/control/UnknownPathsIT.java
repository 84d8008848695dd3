package io.github.atlassianlifecycle.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.reference.ReferenceSchemas;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/**
 * A path under a simulated API that no endpoint serves answers in that API's own error shape, never the web
 * framework's problem document; what exactly is switchable (the references do not say), and the default keeps an
 * unknown path recognisable as an unavailable endpoint wherever the API's documented not-found carries a code.
 */
@SimulatorOnlyTest
class UnknownPathsIT {

    /** Per family: an unknown path, its documented error schema and media type. */
    enum UnknownPath {
        ORGANIZATIONS(ApiFamily.ORGANIZATIONS, "organizations", "errors.schema.json", "application/json",
                "/admin/v2/orgs/demo-org/directories/demo-dir/no-such-thing", true),
        USER_MANAGEMENT(ApiFamily.USER_MANAGEMENT, "usermanagement", "not-found.schema.json", "application/json",
                "/users/5b10ac8d82e05b22cc7d4ef5/manage/no-such-thing", true),
        SCIM(ApiFamily.SCIM, "scim", "error.schema.json", "application/scim+json",
                "/scim/directory/demo-dir/NoSuchResource", false),
        JIRA(ApiFamily.JIRA, "jira", "error-collection.schema.json", "application/json",
                "/rest/api/3/no-such-thing", false),
        CONFLUENCE(ApiFamily.CONFLUENCE, "confluence", "error.schema.json", "application/json",
                "/wiki/rest/api/no-such-thing", false),
        BITBUCKET(ApiFamily.BITBUCKET, "bitbucket", "errors.schema.json", "application/json",
                "/rest/api/latest/no-such-thing", false);

        final ApiFamily family;
        final String folder;
        final String schema;
        final String mediaType;
        final String path;
        /** Whether the API's documented not-found has a code the default unknown-path answer lacks. */
        final boolean recognisableByDefault;

        UnknownPath(ApiFamily family, String folder, String schema, String mediaType, String path,
                boolean recognisableByDefault) {
            this.family = family;
            this.folder = folder;
            this.schema = schema;
            this.mediaType = mediaType;
            this.path = path;
            this.recognisableByDefault = recognisableByDefault;
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private ClientFixture fixture;
    private SimulatorControl simulator;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
    }

    @ParameterizedTest
    @EnumSource(UnknownPath.class)
    void an_unknown_path_answers_404_in_the_apis_own_error_shape(UnknownPath unknown) throws Exception {
        HttpResponse<String> answer = get(unknown);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(unknown.mediaType));
        assertThat(ReferenceSchemas.violations(unknown.folder, unknown.schema, answer.body()))
                .as("%s against %s", answer.body(), unknown.schema).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(UnknownPath.class)
    void by_default_the_client_names_the_endpoint_where_the_documented_not_found_has_a_code(UnknownPath unknown) {
        AtlassianApiException failure = failure(unknown);

        if (unknown.recognisableByDefault) {
            assertThat(failure.isEndpointUnavailable()).isTrue();
            assertThat(failure.getMessage()).contains("GET " + unknown.path);
        } else {
            // No code tells it from the documented not-found: switch to gone or plain to see the incident.
            assertThat(failure.isNotFound()).isTrue();
        }
    }

    static Stream<Object[]> switchedAnswers() {
        return Stream.of(UnknownPath.values()).flatMap(unknown -> Stream.of(new Object[] { unknown, "gone", 410 },
                new Object[] { unknown, "plain", 404 }));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("switchedAnswers")
    void switched_to_gone_or_plain_every_api_s_unknown_path_is_an_unavailable_endpoint(UnknownPath unknown,
            String answer, int status) throws Exception {
        simulator.behaviour(Map.of("unknownPathAnswer", answer));

        HttpResponse<String> raw = get(unknown);
        AtlassianApiException failure = failure(unknown);

        assertThat(raw.statusCode()).isEqualTo(status);
        if ("gone".equals(answer)) {
            assertThat(ReferenceSchemas.violations(unknown.folder, unknown.schema, raw.body())).isEmpty();
        } else {
            assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
        }
        assertThat(failure.isEndpointUnavailable()).isTrue();
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.getMessage()).contains(unknown.family.displayName(), "GET " + unknown.path);
    }

    private HttpResponse<String> get(UnknownPath unknown) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint(unknown).baseUrl() + unknown.path)).GET()
                .header("Authorization", "Bearer " + ClientFixture.ORG_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private AtlassianApiException failure(UnknownPath unknown) {
        AtlassianApiException[] thrown = new AtlassianApiException[1];
        assertThatThrownBy(() -> fixture.transport().send(endpoint(unknown), ApiRequest.get(unknown.path)
                .operation(unknown.folder + ".noSuchThing"))).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> thrown[0] = e);
        return thrown[0];
    }

    private ApiEndpoint endpoint(UnknownPath unknown) {
        return switch (unknown.family) {
            case ORGANIZATIONS -> fixture.organizations();
            case USER_MANAGEMENT -> fixture.userManagement();
            case SCIM -> fixture.scim();
            case JIRA -> fixture.jira();
            case CONFLUENCE -> fixture.confluence();
            case BITBUCKET -> fixture.bitbucket();
        };
    }
}
