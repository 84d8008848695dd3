package io.github.atlassianlifecycle.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/** The simulator's injected faults, seen through the real client: statuses, headers, bodies, classification. */
@SimulatorOnlyTest
class SimulatorFaultsIT {

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    UserManagementClient client;
    String account;

    @BeforeEach
    void setUp() {
        ClientFixture fixture = new ClientFixture(port, Duration.ofMillis(800));
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new UserManagementClient(fixture.transport(), fixture.userManagement());
        account = simulator.activeManagedAccount();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults(Map.of());
    }

    @Test
    void a_server_error_is_transient_and_changes_nothing() {
        simulator.faults(Map.of("serverErrorRate", 1));
        assertThatThrownBy(() -> client.disable(account, null)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.isTransient()).isTrue();
                });
        simulator.faults(Map.of());
        assertThat(simulator.account(account)).containsEntry("accountStatus", "active");
    }

    @Test
    void a_429_with_retry_after_gives_the_instant_to_retry_at() {
        simulator.faults(Map.of("tooManyRequestsRate", 1, "retryAfterSeconds", 7));
        Instant before = Instant.now();
        assertThatThrownBy(() -> client.profile(account)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.isRateLimited()).isTrue();
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.errorKey()).isEqualTo("rateLimited");
                    assertThat(e.retryAt()).get().satisfies(at ->
                            assertThat(at).isBetween(before.plusSeconds(6), Instant.now().plusSeconds(8)));
                });
    }

    @Test
    void a_429_tells_a_wait_drawn_from_retry_after_seconds_to_retry_after_max_seconds() {
        simulator.faults(Map.of("tooManyRequestsRate", 1, "retryAfterSeconds", 1, "retryAfterMaxSeconds", 2));
        Set<String> waits = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            ResponseEntity<String> raw = raw("/api/users/" + account + "/manage/profile");
            assertThat(raw.getStatusCode().value()).isEqualTo(429);
            waits.add(raw.getHeaders().getFirst("Retry-After"));
        }
        assertThat(waits).containsExactly("1", "2");
    }

    @Test
    void a_429_without_retry_after_falls_back_to_the_rate_limit_reset_header() {
        simulator.faults(Map.of("tooManyRequestsRate", 1, "retryAfterSeconds", 30, "retryAfterHeader", false));
        ResponseEntity<String> raw = raw("/api/users/" + account + "/manage/profile");
        assertThat(raw.getStatusCode().value()).isEqualTo(429);
        assertThat(raw.getHeaders().getFirst("Retry-After")).isNull();
        assertThat(raw.getHeaders().getFirst("X-RateLimit-Reset")).isNotNull();
        Instant before = Instant.now();
        assertThatThrownBy(() -> client.profile(account)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.retryAt()).get().satisfies(at ->
                        assertThat(at).isBetween(before.plusSeconds(28), before.plusSeconds(32))));
    }

    @Test
    void a_quota_per_second_answers_429_with_atlassians_headers_once_used_up() {
        simulator.faults(Map.of("rateLimitPerSecond", 3));
        List<ResponseEntity<String>> answers = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> raw("/api/users/" + account + "/manage/profile")).toList();
        assertThat(answers).anySatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(200));
        ResponseEntity<String> limited = answers.stream().filter(r -> r.getStatusCode().value() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("12 calls in a few hundred ms never hit a quota of 3 per second"));
        assertThat(limited.getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(limited.getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.getHeaders().getFirst("X-RateLimit-Reset")).isNotNull();
        assertThat(limited.getHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(limited.getBody()).contains("rateLimited");
    }

    @Test
    void a_hung_call_times_out_on_the_client_as_a_transient_failure() {
        simulator.faults(Map.of("timeoutRate", 1, "timeoutMs", 2500));
        assertThatThrownBy(() -> client.profile(account)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("timed out");
                });
    }

    @Test
    void latency_is_added_to_every_call() {
        simulator.faults(Map.of("latencyMs", 300));
        long start = System.nanoTime();
        client.profile(account);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void errors_come_in_each_apis_own_shape() {
        simulator.faults(Map.of("serverErrorRate", 1));
        assertThat(raw("/api/admin/v2/orgs/demo-org/directories").getBody()).contains("\"errors\"").contains("\"status\":\"500\"");
        assertThat(raw("/api/scim/directory/demo-dir/Users").getBody()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(raw("/site/rest/api/3/user?accountId=x").getBody()).contains("errorMessages");
    }

    @Test
    void faulted_calls_are_recorded_and_empty_faults_clear_them() {
        simulator.faults(Map.of("serverErrorRate", 1));
        assertThatThrownBy(() -> client.profile(account)).isInstanceOf(AtlassianApiException.class);
        simulator.faults(Map.of());
        client.profile(account);
        assertThat(simulator.calls(account)).extractingByKey("calls").asString()
                .contains("status=500").contains("status=200");
    }

    @Test
    void bad_fault_settings_are_refused() {
        RestClient control = RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/sim/_control")
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("serverErrorRate", 2),
                Map.of("rateLimitPerSecond", 0), Map.of("nonsense", 1), Map.of("latencyMs", -5),
                Map.of("retryAfterMaxSeconds", 2), Map.of("retryAfterSeconds", 3, "retryAfterMaxSeconds", 2))) {
            assertThat(control.put().uri("/faults").body(bad).retrieve().toEntity(String.class).getStatusCode().value())
                    .isEqualTo(400);
        }
    }

    private ResponseEntity<String> raw(String path) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/sim")
                .defaultHeaders(h -> h.setBearerAuth(ClientFixture.ORG_KEY))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build()
                .get().uri(path).retrieve().toEntity(String.class);
    }
}
