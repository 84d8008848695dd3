package io.github.atlassianlifecycle.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.github.atlassianlifecycle.support.Scrape;

/**
 * Issue 11, tests 4, 5 and 6, on one node whose clients keep to Atlassian's rate limits as in production
 * ({@code atlassian.rate-limit.enabled}, 10 calls per second per API family): against a simulator that allows 10
 * calls per second, against one that fails every call until the fault is cleared, and what an operator sees of a
 * run (the node's Prometheus scrape and its health, as Prometheus and a load balancer would read them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteTroubleProofIT {

    /** The 300: since a disable reads its account once, 60 took 26 s on a quiet 2-core machine. */
    static final int RATE_LIMITED_REQUESTS = Figures.count("proof.rate-limit.requests", 300);
    static final int LIMIT_PER_SECOND = 10;
    /** How the engine's REST API writes and reads instants. */
    static final java.time.format.DateTimeFormatter ENGINE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC);
    static final int FAILING_REQUESTS = Figures.count("proof.exhaustion.requests", 5);
    static final int WATCHED_REQUESTS = Figures.count("proof.metrics.requests", 20);

    @RegisterExtension
    static final ProofRig rig = new ProofRig("remote-trouble", RATE_LIMITED_REQUESTS + FAILING_REQUESTS + WATCHED_REQUESTS + 60);

    static ProofRig.Node node;
    Instant start;
    Records records;

    @BeforeAll
    static void startNode() {
        node = rig.startNode("node-1", NodeSettings.recovering(Map.of(
                "atlassian.rate-limit.enabled", "true",
                // Few tries, a second apart, so the exhaustion test need not wait out the production cycle.
                "atlassian.lifecycle.retry-cycle", "R3/PT1S",
                // Health reads each API again after a second, so the health test need not wait out a minute.
                "atlassian.health.cache-for", "PT1S")));
    }

    @BeforeEach
    void setUp() {
        // A fresh simulator for each test (seeded alike, no faults, no calls): each test's ledger is its own.
        rig.simulator().reset();
        start = Instant.now();
        records = new Records(rig.database(), start);
    }

    @Test
    @Order(1)
    void at_ten_calls_a_second_every_request_completes_once_and_the_clients_keep_under_the_limit() {
        Workload workload = Workload.of(rig.simulator(), "rate-limit", RATE_LIMITED_REQUESTS, 0);
        rig.simulator().faults(Map.of("rateLimitPerSecond", LIMIT_PER_SECOND));

        workload.submit(node, records);
        Instant allFinished = records.awaitAllFinished(Duration.ofMinutes(15));

        assertThat(records.statuses()).isEqualTo(Map.of("COMPLETED", workload.size()));
        assertThat(records.incidentMessages()).as("incidents").isEmpty();
        CallLedger ledger = ExactlyOnce.check(rig.simulator(), workload);
        Map<String, String> ratioByFamily = new TreeMap<>();
        ledger.callsPerSecondByFamily().forEach((family, rate) -> ratioByFamily.put(family,
                String.format(java.util.Locale.ROOT, "%.2f/s = %.2f of the limit", rate, rate / LIMIT_PER_SECOND)));

        new Figures("rate limit (issue 11, test 4)")
                .put("requests", workload.size() + " disables")
                .put("simulator limit", LIMIT_PER_SECOND + " calls/s per API family")
                .put("submitted -> all finished", Duration.between(start, allFinished))
                .put("achieved call rate by family, / limit", ratioByFamily)
                .put("Atlassian calls", ledger.total())
                .put("429s received", ledger.withStatus(429))
                .print();
    }

    @Test
    @Order(2)
    void a_remote_that_always_fails_gives_one_readable_incident_per_request_and_a_retry_after_the_fix_completes_it() {
        Workload workload = Workload.of(rig.simulator(), "exhaustion", FAILING_REQUESTS, 0);
        rig.simulator().faults(Map.of("serverErrorRate", 1));

        workload.submit(node, records);
        RestClient admin = Workload.client(node, "demo");
        await("one incident per request").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    hurryFailedJobs(admin);
                    return records.incidentsByInstance().size() >= workload.size();
                });

        Map<String, List<String>> incidents = records.incidentsByInstance();
        assertThat(incidents).hasSize(workload.size()).allSatisfy((instance, messages) -> {
            assertThat(messages).as("incidents of " + instance).hasSize(1);
            assertThat(messages.get(0)).as("incident of " + instance).contains("500").doesNotContain("sim-org-key",
                    "sim-scim-key", "sim-site-token", "Bearer", "Basic ");
        });
        assertThat(records.openRequests()).isEqualTo(workload.size());

        rig.simulator().faults(Map.of());
        Instant retried = Instant.now();
        for (String job : records.incidentJobs()) {
            assertThat(admin.put().uri("/engine-rest/job/{id}/retries", job).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("retries", 1)).retrieve().toBodilessEntity().getStatusCode().value())
                    .as("retry of job " + job).isEqualTo(204);
        }
        Instant allFinished = records.awaitAllFinished(Duration.ofMinutes(5));

        assertThat(records.statuses()).isEqualTo(Map.of("COMPLETED", workload.size()));
        assertThat(records.incidents()).isZero();
        ExactlyOnce.check(rig.simulator(), workload);
        new Figures("retry exhaustion (issue 11, test 5)")
                .put("requests", workload.size() + " disables against a simulator answering every call 500")
                .put("incidents, one per request", incidents.size())
                .put("an incident's message", incidents.values().iterator().next().get(0))
                .put("fault cleared, retried (PUT /engine-rest/job/{id}/retries) -> all completed",
                        Duration.between(retried, allFinished))
                .print();
    }

    @Test
    @Order(3)
    void after_a_run_the_scrape_counts_what_happened_and_health_follows_an_api_that_stops_answering_and_returns() {
        RestClient admin = Workload.client(node, "demo");
        Scrape before = scrape(admin);
        Workload workload = Workload.of(rig.simulator(), "metrics", WATCHED_REQUESTS, 0);

        workload.submit(node, records);
        records.awaitAllFinished(Duration.ofMinutes(5));

        assertThat(records.statuses()).isEqualTo(Map.of("COMPLETED", workload.size()));
        CallLedger ledger = ExactlyOnce.check(rig.simulator(), workload);
        Scrape after = scrape(admin);
        String disable = "action=\"disable\"";
        assertThat(after.value("lifecycle_requests_total", disable, "outcome=\"completed\"")
                - before.value("lifecycle_requests_total", disable, "outcome=\"completed\""))
                .as("requests completed").isEqualTo(workload.size());
        assertThat(after.value("lifecycle_request_applied_seconds_count", disable)
                - before.value("lifecycle_request_applied_seconds_count", disable))
                .as("times from submission to applied").isEqualTo(workload.size());
        assertThat(after.value("atlassian_api_calls_seconds_count") - before.value("atlassian_api_calls_seconds_count"))
                .as("Atlassian calls, as the simulator counted them").isEqualTo(ledger.total());
        assertThat(after.value("lifecycle_incidents_total") - before.value("lifecycle_incidents_total"))
                .as("incidents").isZero();
        assertThat(after.has("lifecycle_requests_open")).as("open requests by status").isTrue();

        assertThat(health(admin)).as("health before the fault").isEqualTo("UP");
        rig.simulator().faults(Map.of("serverErrorRate", 1, "families", List.of("jira")));
        Instant stopped = Instant.now();
        await("health DOWN").atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(health(admin)));
        Duration down = Duration.between(stopped, Instant.now());
        rig.simulator().faults(Map.of());
        Instant back = Instant.now();
        await("health UP").atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(health(admin)));
        new Figures("metrics and health (issue 11, test 6)")
                .put("requests", workload.size() + " disables, each counted once as completed and applied")
                .put("Atlassian calls: scrape / simulator", (long) (after.value("atlassian_api_calls_seconds_count")
                        - before.value("atlassian_api_calls_seconds_count")) + " / " + ledger.total())
                .put("Jira stops answering -> atlassian/jira DOWN", down)
                .put("Jira answers again -> UP", Duration.between(back, Instant.now()))
                .print();
    }

    private static Scrape scrape(RestClient admin) {
        return new Scrape(admin.get().uri("/actuator/prometheus").retrieve().body(String.class));
    }

    /** What {@code /actuator/health/atlassian/jira} says (an administrator sees the components). */
    private static String health(RestClient admin) {
        return String.valueOf(Workload.get(admin, "/actuator/health/atlassian/jira").get("status"));
    }

    /**
     * Makes each failed job with tries left due now, as an operator would in Cockpit: on the production retry cycle
     * (a minute between tries) the test would otherwise wait out every minute.
     */
    private static void hurryFailedJobs(RestClient admin) {
        List<Map<String, Object>> jobs = admin.get().uri("/engine-rest/job?withException=true&noRetriesLeft=false")
                .retrieve().body(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { });
        for (Map<String, Object> job : jobs == null ? List.<Map<String, Object>>of() : jobs) {
            assertThat(admin.put().uri("/engine-rest/job/{id}/duedate", job.get("id"))
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("duedate", ENGINE_TIME.format(Instant.now())))
                    .retrieve().toBodilessEntity().getStatusCode().value()).as("due date of job " + job.get("id"))
                    // 404: it ran meanwhile; 500: it is running (optimistic locking), and is hurried a second later
                    .isNotEqualTo(400);
        }
    }
}
