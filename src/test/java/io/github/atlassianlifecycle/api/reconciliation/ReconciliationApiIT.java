package io.github.atlassianlifecycle.api.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * {@code /api/reconciliations} in the demo application: who may start and read, the strict body and query, a dry
 * run that reports the simulated organization's drift, and a review (through {@code /engine-rest}) that approves two
 * findings and so starts exactly two disable requests.
 */
@DemoAppTest
class ReconciliationApiIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        new SimulatorControl("http://127.0.0.1:" + port + "/sim").reset();
    }

    @AfterEach
    void removeWhatIsStillRunning() {
        for (String id : started) {
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                    engine.getRuntimeService().deleteProcessInstance(id, "test over", true, true);
                }
            });
        }
    }

    @Test
    void a_dry_run_answers_202_with_its_location_and_reports_the_findings_without_a_review() {
        Answer accepted = as("security").post("/api/reconciliations", "{\"dryRun\": true}");
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        started.add(id);
        assertThat(accepted.location()).isEqualTo("/api/reconciliations/" + id);
        assertThat(accepted.json().path("status").asText()).isEqualTo("RUNNING");

        JsonNode done = awaitStatus(id, "COMPLETED");
        assertThat(done.path("dryRun").asBoolean()).isTrue();
        assertThat(done.path("requestedBy").asText()).isEqualTo("security");
        JsonNode findings = done.path("findings");
        assertThat(findings.size()).as("the simulated organization drifts").isPositive();
        JsonNode first = findings.get(0);
        for (String field : List.of("accountId", "email", "kind", "evidence", "proposedAction")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.path("evidence").get(0).path("readAt").asText()).isNotBlank();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).count()).isZero();
    }

    @Test
    void a_body_or_a_query_it_does_not_know_is_refused_and_starts_nothing() {
        long before = reconciliations();
        Api security = as("security");
        assertThat(security.post("/api/reconciliations", "{\"dryRun\": false, \"maxDisable\": 1000}").status())
                .isEqualTo(400);
        assertThat(security.post("/api/reconciliations", "{\"dryrun\": true}").json().path("errors").toString())
                .contains("dryrun").contains("dryRun");
        assertThat(security.post("/api/reconciliations", "{\"dryRun\": \"true\"}").status()).isEqualTo(400);
        assertThat(security.post("/api/reconciliations", "").status()).isEqualTo(400);
        Answer query = security.post("/api/reconciliations?dryRun=true", "{\"dryRun\": false}");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().path("errors").toString()).contains("dryRun");
        assertThat(security.get("/api/reconciliations/00000000-0000-0000-0000-000000000000?verbose=1").status())
                .isEqualTo(400);
        assertThat(reconciliations()).isEqualTo(before);
    }

    @Test
    void only_security_automation_and_administrators_start_and_read_reconciliations() {
        assertThat(as("requester").post("/api/reconciliations", "{\"dryRun\": true}").status()).isEqualTo(403);
        assertThat(as("approver").post("/api/reconciliations", "{\"dryRun\": true}").status()).isEqualTo(403);
        Answer accepted = as("automation").post("/api/reconciliations", "{\"dryRun\": true}");
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        started.add(id);
        assertThat(as("requester").get("/api/reconciliations/" + id).status()).isEqualTo(403);
        assertThat(as("demo").get("/api/reconciliations/" + id).status()).isEqualTo(200);
        assertThat(as("security").get("/api/reconciliations/00000000-0000-0000-0000-000000000000").status())
                .isEqualTo(404);
        assertThat(new Api(port, null).get("/api/reconciliations/" + id).status()).isEqualTo(401);
    }

    @Test
    void a_review_that_approves_two_findings_starts_exactly_two_disable_requests_as_the_reviewer() {
        EngineRest security = EngineRest.as(port, "security", "security");
        ResponseEntity<Map<String, Object>> start = security.start("account-reconcile", Map.of("dryRun", false));
        assertThat(start.getStatusCode().value()).isEqualTo(200);
        String id = (String) start.getBody().get("id");
        started.add(id);
        await().atMost(PATIENCE).until(() -> !security.tasks(id).isEmpty());
        JsonNode review = awaitStatus(id, "IN_REVIEW");

        List<String> disables = new ArrayList<>();
        for (JsonNode finding : review.path("findings")) {
            if (finding.path("proposedAction").asText().equals("DISABLE") && disables.size() < 2) {
                disables.add(finding.path("key").asText());
            }
        }
        assertThat(disables).hasSize(2);
        String task = (String) security.tasks(id).get(0).get("id");
        // Two kept of many: named in approvedFindings (the others, listed to exclude, would not fit a text variable).
        ResponseEntity<String> completed = security.complete(task, Map.of("approved", true,
                "approvedFindings", String.join("\n", disables), "comment", "two at a time"));
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);

        JsonNode done = awaitStatus(id, "COMPLETED");
        List<String> requestIds = new ArrayList<>();
        for (JsonNode finding : done.path("findings")) {
            boolean approved = disables.contains(finding.path("key").asText());
            assertThat(finding.path("decision").asText(null)).as(finding.path("key").asText())
                    .isEqualTo(finding.path("proposedAction").asText().equals("REPORT") ? null
                            : approved ? "APPROVED" : "EXCLUDED");
            if (approved) {
                requestIds.add(finding.path("requestId").asText());
            } else {
                assertThat(finding.path("requestId").isNull() || finding.path("requestId").isMissingNode()).isTrue();
            }
        }
        assertThat(requestIds).hasSize(2).doesNotHaveDuplicates();
        for (String requestId : requestIds) {
            JsonNode request = as("security").get("/api/requests/" + requestId).json();
            assertThat(request.path("action").asText()).isEqualTo("DISABLE");
            assertThat(request.path("requester").asText()).isEqualTo("security");
            assertThat(request.path("reason").asText()).startsWith("Reconciliation " + id);
        }
    }

    @Test
    void an_approved_licence_waste_finding_releases_exactly_its_product_groups_and_leaves_the_org_as_it_was() {
        SimulatorControl simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        EngineRest security = EngineRest.as(port, "security", "security");
        ResponseEntity<Map<String, Object>> start = security.start("account-reconcile", Map.of("dryRun", false));
        String id = (String) start.getBody().get("id");
        started.add(id);
        await().atMost(PATIENCE).until(() -> !security.tasks(id).isEmpty());
        JsonNode review = awaitStatus(id, "IN_REVIEW");
        JsonNode waste = null;
        for (JsonNode finding : review.path("findings")) {
            if (waste == null && finding.path("kind").asText().equals("LICENCE_WASTE")
                    && !finding.path("evidence").toString().contains("BITBUCKET active")
                    && !((List<?>) simulator.account(finding.path("accountId").asText()).get("jiraGroups")).isEmpty()) {
                waste = finding;
            }
        }
        assertThat(waste).as("the seeded organization has a deactivated account still in product groups").isNotNull();
        assertThat(waste.path("proposedAction").asText()).isEqualTo("RELEASE_PRODUCT_ACCESS");
        String accountId = waste.path("accountId").asText();
        Map<String, Object> before = simulator.account(accountId);

        String task = (String) security.tasks(id).get(0).get("id");
        assertThat(security.complete(task, Map.of("approved", true, "approvedFindings", waste.path("key").asText(),
                "comment", "free the seats")).getStatusCode().value()).isEqualTo(204);
        JsonNode done = awaitStatus(id, "COMPLETED");
        String requestId = null;
        for (JsonNode finding : done.path("findings")) {
            if (finding.path("key").asText().equals(waste.path("key").asText())) {
                requestId = finding.path("requestId").asText();
            }
        }
        assertThat(requestId).isNotBlank();
        Api reader = as("security");
        String request = requestId;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reader.get("/api/requests/" + request).json()
                .path("status").asText()).as("a disable of a deactivated account has its product groups to release")
                .isEqualTo("PENDING_APPROVAL"));
        JsonNode pending = reader.get("/api/requests/" + request).json();
        assertThat(pending.path("plan").toString()).as("what the approver sees")
                .contains("REMOVE_JIRA_GROUP").doesNotContain("DEACTIVATE").doesNotContain("SUSPEND")
                .contains("already out of use");

        EngineRest approver = EngineRest.as(port, "approver", "approver");
        String instance = pending.path("processInstanceId").asText();
        await().atMost(PATIENCE).until(() -> !approver.tasks(instance).isEmpty());
        assertThat(approver.complete((String) approver.tasks(instance).get(0).get("id"),
                Map.of("approved", true, "comment", "seats back")).getStatusCode().value()).isEqualTo(204);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reader.get("/api/requests/" + request).json()
                .path("status").asText()).isEqualTo("COMPLETED"));

        Map<String, Object> after = simulator.account(accountId);
        assertThat((List<?>) after.get("jiraGroups")).isEmpty();
        assertThat((List<?>) after.get("confluenceGroups")).isEmpty();
        for (String unchanged : List.of("accountStatus", "membershipStatus", "status", "orgGroups", "forDeletion")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        assertThat(reader.get("/api/requests/" + request + "/evidence").json().path("callResults")
                .findValuesAsText("outcome")).isNotEmpty().containsOnly("APPLIED");
    }

    // ---- helpers

    long reconciliations() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("account-reconcile")
                .count();
    }

    JsonNode awaitStatus(String id, String status) {
        Api security = as("security");
        await().atMost(PATIENCE).until(() -> status.equals(security.get("/api/reconciliations/" + id).json()
                .path("status").asText()));
        return security.get("/api/reconciliations/" + id).json();
    }

    Api as(String user) {
        return new Api(port, user);
    }

    record Answer(int status, String location, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static final class Api {
        private final RestClient http;
        private final String base;

        Api(int port, String user) {
            this.base = "http://127.0.0.1:" + port;
            this.http = RestClient.builder().defaultHeaders(h -> {
                if (user != null) {
                    h.setBasicAuth(user, user);
                }
            }).defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        }

        Answer get(String path) {
            return answer(http.get().uri(URI.create(base + path)).retrieve().toEntity(String.class));
        }

        Answer post(String path, String body) {
            return answer(http.post().uri(URI.create(base + path)).contentType(MediaType.APPLICATION_JSON)
                    .body(body).retrieve().toEntity(String.class));
        }

        private static Answer answer(ResponseEntity<String> entity) {
            URI location = entity.getHeaders().getLocation();
            return new Answer(entity.getStatusCode().value(), location == null ? null : location.toString(),
                    entity.getBody());
        }
    }
}
