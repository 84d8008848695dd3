package io.github.atlassianlifecycle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.transport.TransportSettings;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.LogCapture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/**
 * Distinctive secrets go through every kind of call that can go wrong (refused key, 500, 429, timeout, no server)
 * and through successful ones, with every logger at TRACE, including HttpClient's header and wire logs. None of
 * them may appear in a log line, an exception message or a toString().
 */
@SimulatorOnlyTest
class TransportSecretsIT {

    static final String ORG_SECRET = "ORGSECRET-7f3e9a1c";
    static final String SITE_SECRET = "SITESECRET-b42d77e0";

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    AtlassianHttpTransport transport;
    final List<String> exposed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        transport = new AtlassianHttpTransport(new TransportSettings(Duration.ofSeconds(1), Duration.ofMillis(700), 5,
                "test"), new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void clearFaults() {
        simulator.faults(Map.of());
    }

    @Test
    void no_secret_reaches_a_log_line_an_exception_or_a_to_string() throws Exception {
        String account = simulator.activeManagedAccount();
        String base = "http://127.0.0.1:" + port + "/sim";
        ApiEndpoint wrongOrgKey = new ApiEndpoint(ApiFamily.USER_MANAGEMENT, base + "/api", Credential.bearer(ORG_SECRET));
        ApiEndpoint wrongSiteToken = new ApiEndpoint(ApiFamily.JIRA, base + "/site",
                Credential.basic(ClientFixture.SITE_EMAIL, SITE_SECRET));
        ApiEndpoint nobodyListening = new ApiEndpoint(ApiFamily.ORGANIZATIONS, "http://127.0.0.1:1", Credential.bearer(ORG_SECRET));
        UserManagementClient refused = new UserManagementClient(transport, wrongOrgKey);

        try (LogCapture logs = LogCapture.everything()) {
            expose(catchThrowable(() -> refused.disable(account, "bye")));
            expose(catchThrowable(() -> transport.send(wrongSiteToken,
                    ApiRequest.get("/rest/api/3/user").query("accountId", account))));
            expose(catchThrowable(() -> transport.send(nobodyListening, ApiRequest.get("/admin/v2/orgs/x/directories"))));
            for (Map<String, Object> fault : List.<Map<String, Object>>of(Map.of("serverErrorRate", 1),
                    Map.of("tooManyRequestsRate", 1), Map.of("timeoutRate", 1, "timeoutMs", 1500))) {
                simulator.faults(fault);
                expose(catchThrowable(() -> refused.profile(account)));
                expose(catchThrowable(() -> transport.send(wrongSiteToken, ApiRequest.get("/rest/api/3/user/search"))));
            }
            simulator.faults(Map.of());
            exposed.add(wrongOrgKey.toString());
            exposed.add(wrongSiteToken.credential().toString());
            // The simulator's own web server stands in for Atlassian's, which does receive the key: its request
            // logs are Atlassian's side of the wire, not ours.
            exposed.addAll(logs.lines().stream().filter(line -> !line.startsWith("org.apache.coyote")
                    && !line.startsWith("org.apache.tomcat")).toList());
            assertThat(logs.lines()).as("the capture works").isNotEmpty();
        }

        String basic = Base64.getEncoder().encodeToString((ClientFixture.SITE_EMAIL + ":" + SITE_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(exposed).isNotEmpty().noneSatisfy(text -> assertThat(text)
                .containsAnyOf(ORG_SECRET, SITE_SECRET, basic));
        assertThat(String.join("\n", exposed)).contains("401").contains("timed out").contains("connection refused");
    }

    private void expose(Throwable thrown) {
        assertThat(thrown).isInstanceOf(AtlassianApiException.class);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            exposed.add(t.toString());
            for (StackTraceElement frame : t.getStackTrace()) {
                exposed.add(frame.toString());
            }
        }
    }
}
