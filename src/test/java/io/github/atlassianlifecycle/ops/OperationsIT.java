package io.github.atlassianlifecycle.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.support.Scrape;
import io.github.atlassianlifecycle.support.UnfinishedRequests;
import io.github.atlassianlifecycle.support.FreeAccounts;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.support.BasicHttp;
import io.github.atlassianlifecycle.support.BasicHttp.Answer;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * What an operator sees of the running application, through real HTTP: the Prometheus scrape after a handful of
 * requests, an incident that says what failed once a step's tries are used up (and the request that finishes when
 * the step is retried after the fault is gone), health with details for administrators only, and neither secrets
 * nor account ids nor emails in any of it.
 */
@DemoAppTest
class OperationsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The demo's Atlassian credentials: none may appear in what operators see. */
    private static final List<String> SECRETS = List.of("sim-org-key", "sim-scim-key", "sim-site-token",
            "sim-bitbucket-token", "Bearer ", "Basic ");

    @LocalServerPort
    int port;

    @Autowired
    RequestRepository repository;

    @Autowired
    ProcessEngine engine;

    @Autowired
    OrganizationsClient organizations;

    SimulatorControl simulator;
    BasicHttp anonymous;
    BasicHttp admin;
    BasicHttp requester;
    BasicHttp approver;
    BasicHttp automation;
    final List<String> made = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        anonymous = new BasicHttp(port, null);
        admin = new BasicHttp(port, "demo");
        requester = new BasicHttp(port, "requester");
        approver = new BasicHttp(port, "approver");
        automation = new BasicHttp(port, "automation");
    }

    @AfterEach
    void cleanUp() {
        simulator.faults(Map.of());
        UnfinishedRequests.remove(repository, engine, made);
    }

    @Test
    void after_a_handful_of_requests_the_scrape_carries_each_meter_with_the_right_counts_and_no_account_or_email() {
        Scrape before = scrape();
        List<String> accounts = new ArrayList<>();
        List<String> preApproved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String account = freeAccount();
            accounts.add(account);
            preApproved.add(submit(automation, account).path("id").asText());
        }
        String approvedAccount = freeAccount();
        String rejectedAccount = freeAccount();
        accounts.add(approvedAccount);
        accounts.add(rejectedAccount);
        JsonNode toApprove = submit(requester, approvedAccount);
        JsonNode toReject = submit(requester, rejectedAccount);
        awaitStatus(toApprove.path("id").asText(), "PENDING_APPROVAL");
        awaitStatus(toReject.path("id").asText(), "PENDING_APPROVAL");

        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape open = scrape();
            assertThat(open.value("lifecycle_requests_open", "status=\"pending-approval\"")).isGreaterThanOrEqualTo(2);
            assertThat(open.value("lifecycle_requests_open")).as("the three statuses add up to the store's open requests")
                    .isEqualTo((double) repository.countOpen());
        });
        decide(toApprove.path("processInstanceId").asText(), true, "HR ticket 4711");
        decide(toReject.path("processInstanceId").asText(), false, "Not this one");
        for (String id : preApproved) {
            awaitStatus(id, "COMPLETED");
        }
        awaitStatus(toApprove.path("id").asText(), "COMPLETED");
        awaitStatus(toReject.path("id").asText(), "REJECTED");

        // A 429, straight through the transport over the same HTTP hop.
        simulator.faults(Map.of("tooManyRequestsRate", 1, "retryAfterSeconds", 1, "families", List.of("organizations")));
        assertThatThrownBy(() -> organizations.directories(null, 1)).isInstanceOf(AtlassianApiException.class)
                .satisfies(e -> assertThat(((AtlassianApiException) e).status()).isEqualTo(429));
        simulator.faults(Map.of());

        Scrape after = scrape();
        String disable = "action=\"disable\"";
        assertThat(delta(before, after, "lifecycle_requests_total", disable, "outcome=\"completed\"")).isEqualTo(4);
        assertThat(delta(before, after, "lifecycle_requests_total", disable, "outcome=\"rejected\"")).isEqualTo(1);
        assertThat(delta(before, after, "lifecycle_request_applied_seconds_count", disable)).isEqualTo(4);
        assertThat(delta(before, after, "lifecycle_approval_wait_seconds_count", disable, "decision=\"approved\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "lifecycle_approval_wait_seconds_count", disable, "decision=\"rejected\""))
                .isEqualTo(1);
        long disablesSimulated = simulator.allCalls().stream()
                .filter(call -> "userManagement.disable".equals(call.get("operation"))).count();
        assertThat(disablesSimulated).as("the simulator's own count").isEqualTo(4);
        assertThat(delta(before, after, "atlassian_api_calls_seconds_count", "family=\"user-management\"",
                "operation=\"userManagement.disable\"")).as("the meter agrees with the simulator").isEqualTo(4);
        assertThat(delta(before, after, "atlassian_api_calls_seconds_count", "family=\"organizations\"",
                "status=\"429\"")).isEqualTo(1);
        assertThat(delta(before, after, "atlassian_api_rate_limited_total", "family=\"organizations\"")).isEqualTo(1);
        assertThat(after.has("lifecycle_requests_open")).isTrue();

        for (String account : accounts) {
            Map<String, Object> seen = simulator.account(account);
            assertThat(after.text()).as("no account id in the scrape").doesNotContain(account)
                    .as("no email in the scrape").doesNotContain(String.valueOf(seen.get("email")));
        }
        assertThat(after.text()).doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
        SECRETS.forEach(secret -> assertThat(after.text()).doesNotContain(secret));
    }

    @Test
    void exhausted_tries_raise_an_incident_in_words_and_a_retry_after_the_fault_clears_finishes_the_request() {
        Scrape before = scrape();
        String account = freeAccount();
        simulator.faults(Map.of("serverErrorRate", 1, "families", List.of("user-management")));
        JsonNode accepted = submit(automation, account);
        String id = accepted.path("id").asText();
        String instance = accepted.path("processInstanceId").asText();

        // The step fails on user management and waits for its next try (the retry cycle's minute).
        await().atMost(PATIENCE).until(() -> failedJob(instance) != null);
        JsonNode job = failedJob(instance);
        String jobId = job.path("id").asText();
        // Use up its tries now rather than in five minutes: one try left, run by hand, and it fails for good.
        assertThat(admin.put("/engine-rest/job/" + jobId + "/retries", "{\"retries\":1}").status()).isEqualTo(204);
        assertThat(admin.post("/engine-rest/job/" + jobId + "/execute", "").status()).isEqualTo(500);

        JsonNode incidents = admin.get("/engine-rest/incident?processInstanceId=" + instance).json();
        assertThat(incidents).hasSize(1);
        String message = incidents.get(0).path("incidentMessage").asText();
        assertThat(message).as("system, operation and status, in words").contains("User management")
                .contains("userManagement.").contains("500 Internal Server Error");
        SECRETS.forEach(secret -> assertThat(message).doesNotContain(secret));
        assertThat(simulator.account(account)).containsEntry("accountStatus", "active");

        // Cleared, and retried as Cockpit does: the request finishes.
        simulator.faults(Map.of());
        assertThat(admin.put("/engine-rest/job/" + jobId + "/retries", "{\"retries\":1}").status()).isEqualTo(204);
        assertThat(admin.put("/engine-rest/job/" + jobId + "/duedate", "{\"duedate\":null}").status()).isEqualTo(204);
        awaitStatus(id, "COMPLETED");
        assertThat(simulator.account(account)).containsEntry("accountStatus", "inactive");

        Scrape after = scrape();
        assertThat(delta(before, after, "lifecycle_incidents_total", "family=\"user-management\"")).isEqualTo(1);
        assertThat(delta(before, after, "lifecycle_job_retries_total", "kind=\"transient\"",
                "family=\"user-management\"")).as("the first failure spent a try").isEqualTo(1);
    }

    @Test
    void a_step_rate_limited_by_atlassian_waits_without_spending_a_try_and_each_429_is_counted_once() {
        Scrape before = scrape();
        String account = freeAccount();
        simulator.faults(Map.of("tooManyRequestsRate", 1, "retryAfterSeconds", 1, "families",
                List.of("user-management")));
        JsonNode accepted = submit(automation, account);
        String instance = accepted.path("processInstanceId").asText();
        await().atMost(PATIENCE).until(() -> failedJob(instance) != null);
        JsonNode job = failedJob(instance);
        assertThat(job.path("retries").asInt()).as("a 429 spends no try of R5/PT1M").isEqualTo(5);
        simulator.faults(Map.of());
        awaitStatus(accepted.path("id").asText(), "COMPLETED");

        Scrape after = scrape();
        double rateLimited = delta(before, after, "atlassian_api_rate_limited_total", "family=\"user-management\"");
        assertThat(rateLimited).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "lifecycle_job_retries_total", "kind=\"rate-limited\"",
                "family=\"user-management\"")).as("one rescheduled job per 429").isEqualTo(rateLimited);
        assertThat(delta(before, after, "lifecycle_job_retries_total", "kind=\"transient\"")).isZero();
        assertThat(delta(before, after, "lifecycle_incidents_total")).isZero();
    }

    @Test
    void health_shows_its_components_to_administrators_only_and_no_secret_to_anyone() {
        Answer open = anonymous.get("/actuator/health");
        assertThat(open.json().has("status")).isTrue();
        assertThat(open.json().has("components")).as("anonymous sees the status only").isFalse();
        assertThat(requester.get("/actuator/health").json().has("components")).as("nor a requester").isFalse();

        JsonNode detailed = admin.get("/actuator/health").json();
        JsonNode components = detailed.path("components");
        assertThat(components.has("db")).isTrue();
        assertThat(components.path("jobExecutor").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jobExecutor").path("details").toString()).contains("lockTimeInMillis");
        JsonNode atlassian = components.path("atlassian").path("components");
        assertThat(atlassian.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("organizations", "scim", "jira", "confluence", "bitbucket");
        assertThat(atlassian.path("jira").path("details").path("api").asText()).isEqualTo("Jira");
        for (Answer answer : List.of(open, admin.get("/actuator/health"), admin.get("/actuator/health/atlassian"))) {
            SECRETS.forEach(secret -> assertThat(answer.body()).doesNotContain(secret));
        }
    }

    @Test
    void the_scrape_is_for_administrators_and_the_metrics_group_only() {
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(requester.get("/actuator/prometheus").status()).isEqualTo(403);
        Answer scrape = admin.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("lifecycle_requests_open");
    }

    // ---------------------------------------------------------------- helpers

    private Scrape scrape() {
        Answer answer = admin.get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return new Scrape(answer.body());
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private JsonNode submit(BasicHttp who, String account) {
        Answer answer = who.post("/api/requests", "{\"action\":\"DISABLE\",\"accountId\":\"" + account
                + "\",\"reason\":\"Left the company\",\"reasonCode\":\"TERMINATION\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        made.add(answer.json().path("id").asText());
        return answer.json();
    }

    private void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(admin.get("/api/requests/" + id).json().path("status").asText()).isEqualTo(status));
    }

    private void decide(String instance, boolean approved, String comment) {
        JsonNode task = admin.get("/engine-rest/task?processInstanceId=" + instance).json().get(0);
        Answer done = approver.post("/engine-rest/task/" + task.path("id").asText() + "/complete",
                "{\"variables\":{\"approved\":{\"value\":" + approved + "},\"comment\":{\"value\":\"" + comment
                        + "\"}}}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    /** The instance's job that failed and holds its exception, or null. */
    private JsonNode failedJob(String instance) {
        for (JsonNode job : admin.get("/engine-rest/job?processInstanceId=" + instance).json()) {
            if (job.hasNonNull("exceptionMessage") && !job.path("exceptionMessage").asText().isEmpty()) {
                return job;
            }
        }
        return null;
    }

    /** A managed, active account no request of any test has touched. */
    private String freeAccount() {
        return new FreeAccounts(simulator, repository).take();
    }
}
