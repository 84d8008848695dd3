package io.github.atlassianlifecycle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.ops.health.ApiProbes;
import io.github.atlassianlifecycle.ops.health.AtlassianApiHealth;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;
import io.github.atlassianlifecycle.support.TestClock;

/**
 * The Atlassian API health indicators against the simulator in its own web server, over real HTTP: DOWN when a
 * family stops answering, UP when it is back once the cached answer is old, at most one read per cache period
 * however often it is asked, and never a credential in the details. Time is the test's own clock, not the wall's.
 */
@SimulatorOnlyTest
class AtlassianApiHealthIT {

    private static final Duration CACHE_FOR = Duration.ofSeconds(60);
    private static final String JIRA_GROUPS = "/rest/api/3/group/bulk";

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    ClientFixture clients;
    TestClock clock;
    AtlassianApiHealth jira;
    AtlassianApiHealth organizations;

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        clients = new ClientFixture(port);
        clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        jira = new AtlassianApiHealth(ApiFamily.JIRA, ApiProbes.jira(new JiraClient(clients.transport(), clients.jira())),
                CACHE_FOR, clock);
        organizations = new AtlassianApiHealth(ApiFamily.ORGANIZATIONS, ApiProbes.organizations(
                new OrganizationsClient(clients.transport(), clients.organizations(), "demo-org", "demo-dir")),
                CACHE_FOR, clock);
    }

    @AfterEach
    void clearFaults() {
        simulator.faults(Map.of());
    }

    @Test
    void a_family_that_stops_answering_is_down_and_up_again_once_it_returns_and_the_cached_answer_is_old() {
        assertThat(jira.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(CACHE_FOR);

        simulator.faults(Map.of("serverErrorRate", 1, "families", List.of("jira")));
        Health down = jira.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("api", "Jira");
        assertThat(String.valueOf(down.getDetails().get("error"))).contains("Jira").contains("500");
        assertThat(organizations.health().getStatus()).as("another family answers as before").isEqualTo(Status.UP);

        simulator.faults(Map.of());
        assertThat(jira.health().getStatus()).as("still the cached answer").isEqualTo(Status.DOWN);
        clock.advance(CACHE_FOR);
        assertThat(jira.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void however_often_health_is_asked_the_api_is_read_once_per_cache_period() {
        long before = jiraGroupReads();
        for (int i = 0; i < 10; i++) {
            jira.health();
        }
        assertThat(jiraGroupReads()).as("ten asks, one read").isEqualTo(before + 1);

        clock.advance(CACHE_FOR.minusSeconds(1));
        for (int i = 0; i < 10; i++) {
            jira.health();
        }
        assertThat(jiraGroupReads()).as("still within the period").isEqualTo(before + 1);

        clock.advance(Duration.ofSeconds(1));
        jira.health();
        jira.health();
        assertThat(jiraGroupReads()).as("the next period reads once more").isEqualTo(before + 2);
    }

    @Test
    void a_refused_credential_is_down_without_the_credential_in_the_details() {
        String wrongToken = "wrong-site-token-4711";
        ApiEndpoint refused = new ApiEndpoint(ApiFamily.JIRA, clients.simUrl() + "/site",
                Credential.basic(ClientFixture.SITE_EMAIL, wrongToken));
        AtlassianApiHealth health = new AtlassianApiHealth(ApiFamily.JIRA,
                ApiProbes.jira(new JiraClient(clients.transport(), refused)), CACHE_FOR, clock);

        Health down = health.health();

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(down.getDetails().get("error"))).contains("401");
        assertThat(down.toString()).doesNotContain(wrongToken).doesNotContain(ClientFixture.SITE_TOKEN)
                .doesNotContain("Basic ");
    }

    private long jiraGroupReads() {
        return simulator.allCalls().stream().filter(call -> String.valueOf(call.get("path")).contains(JIRA_GROUPS))
                .count();
    }
}
