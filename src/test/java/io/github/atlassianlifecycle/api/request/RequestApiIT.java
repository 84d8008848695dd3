package io.github.atlassianlifecycle.api.request;

import static io.github.atlassianlifecycle.support.RequestBodies.disable;
import static io.github.atlassianlifecycle.support.RequestBodies.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.request.RequestQuery;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.support.UnfinishedRequests;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * Every endpoint of {@code /api/requests} and every status it answers, through real HTTP against the demo app: the
 * request store, the engine (asked directly) and the simulator (the accounts) are the evidence.
 */
@DemoAppTest
class RequestApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A second requester, so "another requester's request" can be tried. */
    private static final String OTHER_REQUESTER = "otherrequester";
    /** Accounts this class has used; with the open-request check below, no test meets another's request. */
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RequestRepository repository;

    SimulatorControl simulator;
    Api requester;
    Api otherRequester;
    Api demo;
    Api anonymous;
    EngineRest approver;
    EngineRest security;
    EngineRest engineAsRequester;

    /** Requests made by the running test, withdrawn afterwards if still open so no later test trips on them. */
    final List<String> made = new ArrayList<>();
    /** Processes the running test started through {@code /engine-rest}, removed afterwards if still running. */
    final List<String> startedInstances = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        ensureOtherRequester();
        requester = Api.as(port, "requester", "requester");
        otherRequester = Api.as(port, OTHER_REQUESTER, OTHER_REQUESTER);
        demo = Api.as(port, "demo", "demo");
        anonymous = Api.as(port, null, null);
        approver = EngineRest.as(port, "approver", "approver");
        security = EngineRest.as(port, "security", "security");
        engineAsRequester = EngineRest.as(port, "requester", "requester");
    }

    @AfterEach
    void withdrawWhatIsStillOpen() {
        UnfinishedRequests.remove(repository, engine, made);
        for (String processInstanceId : startedInstances) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                    engine.getRuntimeService().deleteProcessInstanceIfExists(processInstanceId, "test clean-up", false,
                            true, false, false));
        }
    }

    // ---------------------------------------------------------------- submit

    @Test
    void a_requesters_disable_is_accepted_with_location_and_starts_account_disable_keyed_by_the_request_id() {
        String accountId = freeAccount();

        Answer answer = submit(requester, disable(accountId));

        assertThat(answer.status()).isEqualTo(202);
        JsonNode body = answer.json();
        String id = body.path("id").asText();
        made.add(id);
        assertThat(answer.headers().getLocation()).hasToString("/api/requests/" + id);
        assertThat(body.fieldNames()).toIterable()
                .contains("id", "action", "account", "status", "processInstanceId", "links");
        assertThat(body.path("action").asText()).isEqualTo("DISABLE");
        assertThat(body.path("account").asText()).isEqualTo(accountId);
        assertThat(body.path("status").asText()).isIn("IN_PROGRESS", "PENDING_APPROVAL");
        assertThat(body.path("requester").asText()).as("the requester is the caller").isEqualTo("requester");
        assertThat(body.path("links").path("self").asText()).isEqualTo("/api/requests/" + id);
        assertThat(body.path("links").path("evidence").asText()).isEqualTo("/api/requests/" + id + "/evidence");

        String processInstanceId = body.path("processInstanceId").asText();
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(instance.getProcessDefinitionKey()).isEqualTo("account-disable");
        assertThat(instance.getBusinessKey()).isEqualTo(id);
        assertThat(instance.getStartUserId()).isEqualTo("requester");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .count()).isEqualTo(1);

        // Visible to approvers in Tasklist once planned.
        await().atMost(PATIENCE).until(() -> !approver.tasks(processInstanceId).isEmpty());
        assertThat(requester.get("/api/requests/" + id).json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void a_requester_field_in_the_body_is_rejected_as_unknown_and_starts_nothing() {
        String accountId = freeAccount();
        long before = allProcessInstances();
        Map<String, Object> body = disable(accountId);
        body.put("requester", "somebody-else");

        Answer answer = submit(requester, body);

        assertProblem(answer, 400);
        assertThat(fieldsInError(answer)).containsExactly("requester");
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(openRequests(accountId)).isEmpty();
    }

    // ---------------------------------------------------------------- one request, its statuses

    @Test
    void an_approved_disable_moves_from_pending_approval_to_completed_with_plan_approvals_calls_and_outcome() {
        String accountId = freeAccount();
        JsonNode accepted = accepted(submit(requester, disable(accountId)));
        String id = accepted.path("id").asText();
        awaitStatus(requester, id, "PENDING_APPROVAL");
        JsonNode pending = requester.get("/api/requests/" + id).json();
        assertThat(pending.path("plan").path("action").asText()).isEqualTo("DISABLE");
        assertThat(pending.path("approvals")).isEmpty();
        assertThat(pending.has("outcome")).isFalse();

        Instant beforeDecision = Instant.now();
        decide(approver, accepted.path("processInstanceId").asText(), "approve", true, "HR ticket 4711");
        awaitStatus(requester, id, "COMPLETED");

        JsonNode done = requester.get("/api/requests/" + id).json();
        assertThat(done.path("outcome").asText()).isEqualTo("completed");
        assertThat(done.path("plan").path("account").path("accountId").asText()).isEqualTo(accountId);
        assertThat(done.path("plan").path("calls")).isNotEmpty();
        assertThat(done.path("planHash").asText()).hasSize(64);
        assertThat(done.path("approvals")).hasSize(1);
        JsonNode approval = done.path("approvals").get(0);
        assertThat(approval.path("approver").asText()).isEqualTo("approver");
        assertThat(approval.path("approved").asBoolean()).isTrue();
        assertThat(approval.path("comment").asText()).isEqualTo("HR ticket 4711");
        assertThat(Instant.parse(approval.path("at").asText())).isAfterOrEqualTo(beforeDecision.minusSeconds(1));
        JsonNode disableCall = callOf(done.path("apiCalls"), "userManagement.disable");
        assertThat(disableCall.path("system").asText()).isEqualTo("User management");
        assertThat(disableCall.path("status").asInt()).isEqualTo(204);
        assertThat(disableCall.path("at").asText()).isNotBlank();
        assertThat(done.path("apiCalls")).allSatisfy(call -> {
            assertThat(call.path("system").asText()).isNotBlank();
            assertThat(call.path("operation").asText()).isNotBlank();
            assertThat(call.path("status").asInt()).isBetween(200, 299);
        });
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");
    }

    @Test
    void a_rejected_request_is_rejected_with_the_decision_and_cannot_be_undone() {
        String accountId = freeAccount();
        JsonNode accepted = accepted(submit(requester, disable(accountId)));
        String id = accepted.path("id").asText();

        decide(approver, accepted.path("processInstanceId").asText(), "approve", false, "Not leaving after all");
        awaitStatus(requester, id, "REJECTED");

        JsonNode rejected = requester.get("/api/requests/" + id).json();
        assertThat(rejected.path("outcome").asText()).isEqualTo("rejected");
        assertThat(rejected.path("approvals")).singleElement().satisfies(approval -> {
            assertThat(approval.path("approver").asText()).isEqualTo("approver");
            assertThat(approval.path("approved").asBoolean()).isFalse();
            assertThat(approval.path("comment").asText()).isEqualTo("Not leaving after all");
        });
        assertThat(rejected.path("apiCalls").findValuesAsText("operation")).doesNotContain("userManagement.disable");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active");

        Answer undo = requester.post("/api/requests/" + id + "/undo");
        assertProblem(undo, 409);
        assertThat(undo.json().path("type").asText()).endsWith("not-undoable");
    }

    @Test
    void a_process_started_through_engine_rest_with_bad_variables_ends_invalid_and_is_on_record_as_invalid() {
        String badId = "not an id! " + UUID.randomUUID();
        ResponseEntity<Map<String, Object>> started = engineAsRequester.start("account-disable",
                Map.of("accountId", badId, "reason", "typo"));
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        String processInstanceId = (String) started.getBody().get("id");

        HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(ended.getEndTime()).as("ended at once, in its start transaction").isNotNull();
        assertThat(ended.getEndActivityId()).isEqualTo("end-invalid");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("outcome").singleResult().getValue()).isEqualTo("invalid");

        // The same record as a request of the API: its id is the process instance's, its status INVALID.
        Answer request = requester.get("/api/requests/" + processInstanceId);
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        assertThat(request.json().path("status").asText()).isEqualTo("INVALID");
        assertThat(request.json().path("requester").asText()).isEqualTo("requester");
        assertThat(request.json().path("problem").path("message").asText()).contains("accountId");
        JsonNode invalidOnes = demo.get("/api/requests?status=INVALID&accountId=" + encode(badId)).json();
        assertThat(invalidOnes.path("items").findValuesAsText("processInstanceId")).containsExactly(processInstanceId);
        assertThat(otherRequester.get("/api/requests/" + processInstanceId).status())
                .as("another requester's, like any request").isEqualTo(404);
    }

    @Test
    void a_request_started_through_engine_rest_has_the_same_record_and_evidence_as_one_of_the_api() {
        String accountId = freeAccount();
        ResponseEntity<Map<String, Object>> started = engineAsRequester.start("account-disable",
                Map.of("accountId", accountId, "reason", "Left the company", "reasonCode", "TERMINATION"));
        String processInstanceId = (String) started.getBody().get("id");
        startedInstances.add(processInstanceId);

        awaitStatus(requester, processInstanceId, "PENDING_APPROVAL");
        JsonNode pending = requester.get("/api/requests/" + processInstanceId).json();
        assertThat(pending.path("action").asText()).isEqualTo("DISABLE");
        assertThat(pending.path("account").asText()).isEqualTo(accountId);
        assertThat(pending.path("requester").asText()).isEqualTo("requester");
        assertThat(pending.path("reason").asText()).isEqualTo("Left the company");
        assertThat(pending.path("processInstanceId").asText()).isEqualTo(processInstanceId);
        assertThat(ids(requester.get("/api/requests?accountId=" + accountId))).containsExactly(processInstanceId);

        decide(approver, processInstanceId, "approve", true, "HR ticket 4712");
        awaitStatus(requester, processInstanceId, "COMPLETED");

        JsonNode evidence = requester.get("/api/requests/" + processInstanceId + "/evidence").json();
        assertThat(evidence.path("requestId").asText()).isEqualTo(processInstanceId);
        assertThat(evidence.path("requester").asText()).isEqualTo("requester");
        assertThat(evidence.path("approvals")).singleElement()
                .satisfies(approval -> assertThat(approval.path("approver").asText()).isEqualTo("approver"));
        assertThat(callOf(evidence.path("apiCalls"), "userManagement.disable").path("status").asInt()).isEqualTo(204);
        assertThat(evidence.path("callResults").findValuesAsText("outcome")).contains("APPLIED");
        assertThat(evidence.path("process").path("instanceId").asText()).isEqualTo(processInstanceId);
        assertThat(evidence.path("outcome").asText()).isEqualTo("completed");
    }

    // ---------------------------------------------------------------- ways around the plan (issue 9)

    @Test
    void a_start_through_engine_rest_with_an_undocumented_variable_ends_invalid_before_any_atlassian_call() {
        String accountId = freeAccount();
        for (String name : List.of("skippedCalls", "snapshot", "approvals")) {
            ResponseEntity<Map<String, Object>> started = engineAsRequester.startTyped("account-disable", Map.of(
                    "accountId", Map.of("value", accountId, "type", "String"),
                    "reason", Map.of("value", "Left the company", "type", "String"),
                    name, Map.of("value", "[\"1\"]", "type", "Json")));
            assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
            String processInstanceId = (String) started.getBody().get("id");
            startedInstances.add(processInstanceId);

            assertThat(started.getBody()).as(name).containsEntry("ended", true);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(processInstanceId).variableName("validationErrors").singleResult().getValue())
                    .asString().contains(name + ": is not a start variable");
        }
        assertThat(simulator.calls(accountId).get("countsByAccount").toString()).doesNotContain("userManagement.");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active");
    }

    @Test
    void an_approval_through_engine_rest_that_also_sets_a_skip_is_refused_and_the_task_stays_open() {
        String accountId = freeAccount();
        JsonNode accepted = accepted(submit(requester, disable(accountId)));
        String processInstanceId = accepted.path("processInstanceId").asText();
        await().atMost(PATIENCE).until(() -> !approver.tasks(processInstanceId).isEmpty());
        String taskId = (String) approver.tasks(processInstanceId).get(0).get("id");

        ResponseEntity<String> sneaky = approver.complete(taskId,
                Map.of("approved", true, "comment", "ok", "skippedCalls", "[\"1\"]"));

        // The engine answers a task listener's refusal with 500 and its message (as for every refusal of ours there).
        assertThat(sneaky.getStatusCode().isError()).as(String.valueOf(sneaky.getBody())).isTrue();
        assertThat(sneaky.getBody()).contains("may only set", "skippedCalls");
        assertThat(approver.tasks(processInstanceId)).singleElement()
                .satisfies(task -> assertThat(task.get("id")).isEqualTo(taskId));

        // Nor through the task's variables first: the write may pass, but then the approval does not.
        ResponseEntity<String> written = approver.putTaskVariable(taskId, "skippedCalls", "Json", "[\"1\"]");
        if (written.getStatusCode().is2xxSuccessful()) {
            ResponseEntity<String> after = approver.complete(taskId, Map.of("approved", true, "comment", "ok"));
            assertThat(after.getStatusCode().isError()).as(String.valueOf(after.getBody())).isTrue();
            assertThat(after.getBody()).contains("skippedCalls");
            assertThat(EngineRest.as(port, "demo", "demo").deleteVariable(processInstanceId, "skippedCalls")
                    .getStatusCode().value()).isEqualTo(204);
        } else {
            assertThat(written.getStatusCode().value()).isEqualTo(403);
        }
        decide(approver, processInstanceId, "approve", true, "HR ticket 4713");
        awaitStatus(requester, accepted.path("id").asText(), "COMPLETED");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");
    }

    @Test
    void an_enable_approved_during_a_deletes_grace_period_cancels_the_deletion_whichever_door_it_came_through() {
        String accountId = freeAccount();
        JsonNode delete = accepted(submit(requester, request("DELETE", accountId)));
        String deleteId = delete.path("id").asText();
        decide(approver, delete.path("processInstanceId").asText(), "approve", true, "Leaver");
        decide(security, delete.path("processInstanceId").asText(), "approve-second", true, "Checked");
        awaitStatus(requester, deleteId, "WAITING_GRACE_PERIOD");

        // The enable comes through the engine's own door.
        ResponseEntity<Map<String, Object>> started = engineAsRequester.start("account-enable",
                Map.of("accountId", accountId, "reason", "Came back after all", "reasonCode", "OTHER"));
        String enableInstance = (String) started.getBody().get("id");
        startedInstances.add(enableInstance);
        decide(approver, enableInstance, "approve", true, "Welcome back");

        awaitStatus(requester, enableInstance, "COMPLETED");
        awaitStatus(requester, deleteId, "CANCELLED");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active")
                .containsEntry("forDeletion", false);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(delete.path("processInstanceId")
                .asText()).timers().count()).as("no grace period left to run out").isZero();
        assertThat(simulator.calls(accountId).get("countsByAccount").toString()).doesNotContain("userManagement.delete=");
    }

    @Test
    void a_refused_call_is_checked_again_on_retry_and_once_skipped_the_request_ends_partially_applied_on_record() {
        String email = "partial-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        JsonNode add = accepted(submit(requester, Map.of("action", "ADD", "email", email, "displayName", "Partial Person",
                "groups", List.of("idp-synced-staff"), "reason", "New hire", "reasonCode", "ACCESS_REQUEST")));
        String id = add.path("id").asText();
        String processInstanceId = add.path("processInstanceId").asText();
        decide(approver, processInstanceId, "approve", true, "Welcome");
        EngineRest admin = EngineRest.as(port, "demo", "demo");
        await().atMost(PATIENCE).until(() -> resolveTask(admin, processInstanceId) != null);

        assertThat(admin.complete(resolveTask(admin, processInstanceId), Map.of("resolution", "retry"))
                .getStatusCode().value()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> resolveTask(admin, processInstanceId) != null);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("recheck").count()).as("the retry went through the re-check").isEqualTo(2);

        ResponseEntity<String> skipped = admin.complete(resolveTask(admin, processInstanceId),
                Map.of("resolution", "skip", "comment", "The identity provider owns that group"));
        assertThat(skipped.getStatusCode().value()).as(skipped.getBody()).isEqualTo(204);

        awaitStatus(requester, id, "PARTIALLY_APPLIED");
        JsonNode evidence = requester.get("/api/requests/" + id + "/evidence").json();
        assertThat(evidence.path("outcome").asText()).isEqualTo("partially-applied");
        assertThat(evidence.path("resolutions").findValuesAsText("choice")).containsExactly("retry", "skip");
        JsonNode skip = evidence.path("resolutions").get(1);
        assertThat(skip.path("by").asText()).isEqualTo("demo");
        assertThat(skip.path("comment").asText()).isEqualTo("The identity provider owns that group");
        assertThat(skip.path("at").asText()).isNotBlank();
        assertThat(evidence.path("callResults").findValuesAsText("outcome")).contains("APPLIED", "SKIPPED");
    }

    @Test
    void a_plan_changed_through_engine_rest_while_a_failure_waits_is_never_applied() {
        String email = "tamper-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        JsonNode add = accepted(submit(requester, Map.of("action", "ADD", "email", email, "displayName", "Tamper Target",
                "groups", List.of("idp-synced-staff"), "reason", "New hire", "reasonCode", "ACCESS_REQUEST")));
        String processInstanceId = add.path("processInstanceId").asText();
        decide(approver, processInstanceId, "approve", true, "Welcome");
        EngineRest admin = EngineRest.as(port, "demo", "demo");
        await().atMost(PATIENCE).until(() -> resolveTask(admin, processInstanceId) != null);

        // Call 2 was "add to idp-synced-staff"; now it says org-admins.
        String plan = ((SerializableValue) engine.getRuntimeService().getVariableTyped(processInstanceId, "plan", false))
                .getValueSerialized();
        String orgAdmins = simulator.orgGroupId("org-admins");
        String tampered = plan.replace(simulator.orgGroupId("idp-synced-staff"), orgAdmins).replace("idp-synced-staff", "org-admins");
        assertThat(tampered).isNotEqualTo(plan);
        assertThat(admin.putVariable(processInstanceId, "plan", "Json", tampered).getStatusCode().value()).isEqualTo(204);

        ResponseEntity<String> retry = admin.complete(resolveTask(admin, processInstanceId), Map.of("resolution", "retry"));

        assertThat(retry.getStatusCode().isError()).as(retry.getBody()).isTrue();
        assertThat(retry.getBody()).contains("may only set", "'plan'");
        await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() ->
                assertThat(engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                        .executable().count()).isZero());
        String accountId = simulator.accounts().stream().filter(a -> email.equals(a.get("email")))
                .map(a -> (String) a.get("accountId")).findFirst().orElseThrow();
        assertThat(groups(simulator.account(accountId))).doesNotContain("orgGroups:org-admins");
    }

    @Test
    void an_enable_never_restores_a_snapshot_forged_at_the_start_of_a_disable() {
        String accountId = freeAccount();
        String forged = "{\"accountId\":\"" + accountId + "\",\"takenAt\":\"2999-01-01T00:00:00Z\","
                + "\"accountStatus\":\"active\",\"membershipStatus\":\"active\",\"orgGroups\":[{\"id\":\""
                + simulator.orgGroupId("org-admins") + "\",\"name\":\"org-admins\"}],\"jiraGroups\":[],"
                + "\"confluenceGroups\":[]}";
        ResponseEntity<Map<String, Object>> started = engineAsRequester.startTyped("account-disable", Map.of(
                "accountId", Map.of("value", accountId, "type", "String"),
                "reason", Map.of("value", "Leave", "type", "String"),
                "snapshot", Map.of("value", forged, "type", "Json")));
        String forger = (String) started.getBody().get("id");
        startedInstances.add(forger);
        assertThat(started.getBody()).as("refused at the start").containsEntry("ended", true);

        JsonNode disableDone = completedDisable(accountId);
        JsonNode enable = accepted(submit(requester, request("ENABLE", accountId)));
        awaitStatus(requester, enable.path("id").asText(), "PENDING_APPROVAL");

        JsonNode plan = requester.get("/api/requests/" + enable.path("id").asText()).json().path("plan");
        assertThat(plan.toString()).doesNotContain("org-admins");
        assertThat(disableDone.path("status").asText()).isEqualTo("COMPLETED");
    }

        // ---------------------------------------------------------------- search

    @Test
    void the_list_filters_by_account_action_and_status_and_pages_newest_first() {
        String first = freeAccount();
        String second = freeAccount();
        String pendingDisable = accepted(submit(requester, disable(first))).path("id").asText();
        String enable = accepted(submit(requester, request("ENABLE", first))).path("id").asText();
        JsonNode toReject = accepted(submit(requester, disable(second)));
        String rejected = toReject.path("id").asText();
        awaitStatus(requester, pendingDisable, "PENDING_APPROVAL");
        decide(approver, toReject.path("processInstanceId").asText(), "approve", false, "No");
        awaitStatus(requester, rejected, "REJECTED");

        assertThat(ids(requester.get("/api/requests?accountId=" + first))).containsExactlyInAnyOrder(pendingDisable, enable);
        assertThat(ids(requester.get("/api/requests?accountId=" + first + "&action=DISABLE"))).containsExactly(pendingDisable);
        assertThat(ids(requester.get("/api/requests?accountId=" + first + "&action=ENABLE"))).containsExactly(enable);
        assertThat(ids(requester.get("/api/requests?accountId=" + second + "&action=ENABLE"))).isEmpty();

        JsonNode live = requester.get("/api/requests?status=PENDING_APPROVAL&size=100").json();
        assertThat(live.path("items").findValuesAsText("id")).contains(pendingDisable).doesNotContain(rejected);
        assertThat(live.path("items").findValuesAsText("status")).containsOnly("PENDING_APPROVAL");
        JsonNode done = requester.get("/api/requests?status=REJECTED&size=100").json();
        assertThat(done.path("items").findValuesAsText("id")).contains(rejected).doesNotContain(pendingDisable, enable);
        assertThat(done.path("items").findValuesAsText("status")).containsOnly("REJECTED");
        assertThat(ids(requester.get("/api/requests?accountId=" + second + "&status=REJECTED"))).containsExactly(rejected);
        assertThat(ids(requester.get("/api/requests?accountId=" + second + "&status=PENDING_APPROVAL"))).isEmpty();

        JsonNode page0 = requester.get("/api/requests?accountId=" + first + "&size=1&page=0").json();
        JsonNode page1 = requester.get("/api/requests?accountId=" + first + "&size=1&page=1").json();
        JsonNode page2 = requester.get("/api/requests?accountId=" + first + "&size=1&page=2").json();
        assertThat(page0.path("items").findValuesAsText("id")).as("newest first").containsExactly(enable);
        assertThat(page0.path("hasMore").asBoolean()).isTrue();
        assertThat(page0.path("page").asInt()).isZero();
        assertThat(page0.path("size").asInt()).isEqualTo(1);
        assertThat(page1.path("items").findValuesAsText("id")).containsExactly(pendingDisable);
        assertThat(page1.path("hasMore").asBoolean()).isFalse();
        assertThat(page2.path("items")).isEmpty();
        assertThat(page2.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void bad_paging_or_filter_parameters_are_400_problems() {
        for (String query : List.of("page=-1", "size=0", "size=101", "page=abc", "size=1.5", "status=DONE",
                "action=disable")) {
            Answer answer = requester.get("/api/requests?" + query);
            assertProblem(answer, 400);
            assertThat(fieldsInError(answer)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertThat(requester.get("/api/requests?page=0&size=100").status()).isEqualTo(200);
    }

    @Test
    void a_status_filter_fills_every_page_and_says_whether_more_requests_match() {
        // A requester of its own, so that the pages hold this test's requests only.
        Api pager = freshRequester();
        String olderDelete = inGracePeriod(pager, freeAccount());
        String newerDelete = inGracePeriod(pager, freeAccount());
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pending.add(accepted(submit(pager, disable(freeAccount()))).path("id").asText());
        }
        pending.forEach(id -> awaitStatus(pager, id, "PENDING_APPROVAL"));
        // Newest first: pending 2, 1, 0, then the newer and the older delete.

        assertPage(pager, "status=WAITING_GRACE_PERIOD&size=1&page=0", List.of(newerDelete), true);
        assertPage(pager, "status=WAITING_GRACE_PERIOD&size=1&page=1", List.of(olderDelete), false);
        assertPage(pager, "status=WAITING_GRACE_PERIOD&size=1&page=2", List.of(), false);
        assertPage(pager, "status=WAITING_GRACE_PERIOD&size=2&page=0", List.of(newerDelete, olderDelete), false);
        assertPage(pager, "status=PENDING_APPROVAL&size=2&page=0", List.of(pending.get(2), pending.get(1)), true);
        assertPage(pager, "status=PENDING_APPROVAL&size=2&page=1", List.of(pending.get(0)), false);
        assertPage(pager, "status=IN_PROGRESS&size=1&page=0", List.of(), false);
        assertPage(pager, "size=4&page=1", List.of(olderDelete), false);

        // Two of them end: the final status pages the same way, and the live one no longer counts them.
        for (String id : List.of(pending.get(2), pending.get(0))) {
            assertThat(pager.post("/api/requests/" + id + "/cancel").status()).isEqualTo(200);
        }
        assertPage(pager, "status=CANCELLED&size=1&page=0", List.of(pending.get(2)), true);
        assertPage(pager, "status=CANCELLED&size=1&page=1", List.of(pending.get(0)), false);
        assertPage(pager, "status=PENDING_APPROVAL&size=1&page=0", List.of(pending.get(1)), false);
        assertPage(pager, "status=WAITING_GRACE_PERIOD&size=1&page=1", List.of(olderDelete), false);
    }

    // ---------------------------------------------------------------- links: what can be done with a request now

    @Test
    void a_request_waiting_for_approval_links_to_cancel_but_not_to_undo() {
        String accountId = freeAccount();
        Answer submitted = submit(requester, disable(accountId));
        JsonNode accepted = accepted(submitted);
        String id = accepted.path("id").asText();
        assertLinks(accepted, "cancel"); // IN_PROGRESS (being planned) or PENDING_APPROVAL: not applied either way
        awaitStatus(requester, id, "PENDING_APPROVAL");

        assertLinks(requester.get("/api/requests/" + id).json(), "cancel");
        assertLinks(requester.get("/api/requests?accountId=" + accountId).json().path("items").get(0), "cancel");
        Answer undo = requester.post("/api/requests/" + id + "/undo");
        assertProblem(undo, 409);
        assertThat(undo.json().path("type").asText()).endsWith("not-undoable");
    }

    @Test
    void a_completed_disable_links_its_requester_to_undo_but_not_to_cancel_and_its_enable_to_cancel_only() {
        JsonNode completed = completedDisable(freeAccount());
        String id = completed.path("id").asText();

        assertLinks(completed, "undo");
        assertProblem(requester.post("/api/requests/" + id + "/cancel"), 409);
        // An approver sees the request but may not undo it: no link for them, and 403 if they try.
        Api approverApi = Api.as(port, "approver", "approver");
        assertLinks(approverApi.get("/api/requests/" + id).json());
        assertProblem(approverApi.post("/api/requests/" + id + "/undo"), 403);

        Answer undo = requester.post("/api/requests/" + id + "/undo");
        assertThat(undo.status()).isEqualTo(202);
        made.add(undo.json().path("id").asText());
        assertLinks(undo.json(), "cancel");
    }

    @Test
    void rejected_and_cancelled_requests_link_to_neither_cancel_nor_undo() {
        JsonNode toReject = accepted(submit(requester, disable(freeAccount())));
        String rejected = toReject.path("id").asText();
        decide(approver, toReject.path("processInstanceId").asText(), "approve", false, "No");
        awaitStatus(requester, rejected, "REJECTED");
        String toCancel = accepted(submit(requester, disable(freeAccount()))).path("id").asText();
        awaitStatus(requester, toCancel, "PENDING_APPROVAL");

        Answer cancelled = requester.post("/api/requests/" + toCancel + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertLinks(cancelled.json());
        assertLinks(requester.get("/api/requests/" + toCancel).json());
        assertLinks(requester.get("/api/requests/" + rejected).json());
        for (String id : List.of(rejected, toCancel)) {
            assertProblem(requester.post("/api/requests/" + id + "/cancel"), 409);
            assertProblem(requester.post("/api/requests/" + id + "/undo"), 409);
        }
    }

    @Test
    void a_delete_in_its_grace_period_links_to_undo_but_not_to_cancel() {
        String id = inGracePeriod(requester, freeAccount());

        assertLinks(requester.get("/api/requests/" + id).json(), "undo");
        Answer cancel = requester.post("/api/requests/" + id + "/cancel");
        assertProblem(cancel, 409);
        assertThat(cancel.json().path("type").asText()).endsWith("not-cancellable");
        assertThat(requester.get("/api/requests/" + id).json().path("status").asText()).isEqualTo("WAITING_GRACE_PERIOD");
    }

    @Test
    void a_request_still_being_planned_links_to_cancel_and_is_withdrawn_by_it() {
        simulator.faults(Map.of("serverErrorRate", 1)); // planning cannot read the account: it is retried
        try {
            JsonNode accepted = accepted(submit(requester, disable(freeAccount())));
            String id = accepted.path("id").asText();
            JsonNode planning = requester.get("/api/requests/" + id).json();
            assertThat(planning.path("status").asText()).isEqualTo("IN_PROGRESS");
            assertLinks(planning, "cancel");

            Answer cancel = requester.post("/api/requests/" + id + "/cancel");

            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            assertThat(cancel.json().path("status").asText()).isEqualTo("CANCELLED");
            assertLinks(cancel.json());
        } finally {
            simulator.faults(Map.of());
        }
    }

    @Test
    void a_request_whose_process_ended_a_moment_before_the_store_caught_up_can_no_longer_be_cancelled() {
        String userId = newRequester();
        Api racer = Api.as(port, userId, userId);
        // The row is still open, the process is gone: what a reader sees between the process's end and the store's.
        Instant now = Instant.now();
        StoredRequest ending = new StoredRequest(UUID.randomUUID().toString(), LifecycleAction.DISABLE,
                "ending" + UUID.randomUUID().toString().substring(0, 8), null, null, List.of(), "Left the company",
                "TERMINATION", userId, "ended-" + UUID.randomUUID(), null, null, now, now, "0".repeat(64), null);
        repository.insert(ending, null);
        try {
            Answer view = racer.get("/api/requests/" + ending.id());
            assertThat(view.status()).as(view.body()).isEqualTo(200);
            assertThat(view.json().path("status").asText()).isEqualTo("IN_PROGRESS");
            assertLinks(view.json());

            Answer cancel = racer.post("/api/requests/" + ending.id() + "/cancel");

            assertProblem(cancel, 409);
            assertThat(cancel.json().path("type").asText()).endsWith("not-cancellable");
        } finally {
            repository.close(ending.processInstanceId(), RequestStatus.CANCELLED, "cancelled", Instant.now());
        }
    }

    @Test
    void an_approved_request_being_applied_links_to_neither_cancel_nor_undo_and_cannot_be_cancelled() {
        JsonNode accepted = accepted(submit(requester, disable(freeAccount())));
        String id = accepted.path("id").asText();
        awaitStatus(requester, id, "PENDING_APPROVAL");
        simulator.faults(Map.of("serverErrorRate", 1)); // re-checking the plan cannot read the account: retried
        try {
            decide(approver, accepted.path("processInstanceId").asText(), "approve", true, "HR ticket 4711");
            awaitStatus(requester, id, "IN_PROGRESS");
            JsonNode applying = requester.get("/api/requests/" + id).json();
            assertThat(applying.path("approvals")).hasSize(1);
            assertLinks(applying);

            Answer cancel = requester.post("/api/requests/" + id + "/cancel");

            assertProblem(cancel, 409);
            assertThat(cancel.json().path("type").asText()).endsWith("not-cancellable");
            assertThat(requester.get("/api/requests/" + id).json().path("status").asText()).isEqualTo("IN_PROGRESS");
        } finally {
            simulator.faults(Map.of());
        }
    }

    // ---------------------------------------------------------------- cancel

    @Test
    void cancelling_a_pending_request_withdraws_it_leaves_the_account_alone_and_frees_the_account() {
        String accountId = freeAccount();
        JsonNode accepted = accepted(submit(requester, disable(accountId)));
        String id = accepted.path("id").asText();
        String processInstanceId = accepted.path("processInstanceId").asText();
        awaitStatus(requester, id, "PENDING_APPROVAL");

        Answer cancel = requester.post("/api/requests/" + id + "/cancel");

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancel.json().path("outcome").asText()).isEqualTo("cancelled");
        assertThat(requester.get("/api/requests/" + id).json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count())
                .as("the process is gone").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getDeleteReason()).isEqualTo("withdrawn by requester");
        assertThat(approver.tasks(processInstanceId)).isEmpty();
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active");
        assertThat(simulator.calls(accountId).get("countsByAccount").toString()).doesNotContain("userManagement.disable");

        Answer again = submit(requester, disable(accountId));
        assertThat(again.status()).as("the open key was freed").isEqualTo(202);
        made.add(again.json().path("id").asText());
        assertThat(again.json().path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void a_completed_request_cannot_be_cancelled() {
        String id = completedDisable(freeAccount()).path("id").asText();

        Answer cancel = requester.post("/api/requests/" + id + "/cancel");

        assertProblem(cancel, 409);
        assertThat(cancel.json().path("type").asText()).endsWith("not-cancellable");
        assertThat(requester.get("/api/requests/" + id).json().path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void another_requester_cannot_see_or_cancel_a_request_but_an_administrator_can() {
        String accountId = freeAccount();
        JsonNode accepted = accepted(submit(requester, disable(accountId)));
        String id = accepted.path("id").asText();
        awaitStatus(requester, id, "PENDING_APPROVAL");

        assertProblem(otherRequester.post("/api/requests/" + id + "/cancel"), 404);
        assertProblem(otherRequester.get("/api/requests/" + id), 404);
        assertThat(ids(otherRequester.get("/api/requests?accountId=" + accountId))).isEmpty();
        assertThat(requester.get("/api/requests/" + id).json().path("status").asText()).isEqualTo("PENDING_APPROVAL");

        Answer byAdmin = demo.post("/api/requests/" + id + "/cancel");
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(accepted.path("processInstanceId").asText()).singleResult().getDeleteReason())
                .isEqualTo("withdrawn by demo");
    }

    // ---------------------------------------------------------------- undo

    @Test
    void undoing_a_completed_disable_starts_an_enable_that_once_approved_brings_the_account_back_with_its_groups() {
        String accountId = freeAccount();
        Map<String, Object> before = simulator.account(accountId);
        String disableId = completedDisable(accountId).path("id").asText();
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");

        Answer undo = requester.post("/api/requests/" + disableId + "/undo");

        assertThat(undo.status()).isEqualTo(202);
        JsonNode enable = undo.json();
        String enableId = enable.path("id").asText();
        made.add(enableId);
        assertThat(enableId).isNotEqualTo(disableId);
        assertThat(enable.path("action").asText()).isEqualTo("ENABLE");
        assertThat(enable.path("undoOf").asText()).isEqualTo(disableId);
        assertThat(enable.path("account").asText()).isEqualTo(accountId);
        assertThat(enable.path("requester").asText()).isEqualTo("requester");
        assertThat(undo.headers().getLocation()).hasToString("/api/requests/" + enableId);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(enable.path("processInstanceId").asText()).singleResult().getProcessDefinitionKey())
                .isEqualTo("account-enable");

        decide(approver, enable.path("processInstanceId").asText(), "approve", true, "Came back");
        awaitStatus(requester, enableId, "COMPLETED");

        Map<String, Object> after = simulator.account(accountId);
        assertThat(after).containsEntry("accountStatus", "active");
        assertThat(groups(after)).isEqualTo(groups(before));
        assertThat(requester.get("/api/requests/" + disableId).json().path("status").asText())
                .as("the disable itself stays completed").isEqualTo("COMPLETED");
    }

    @Test
    void undoing_a_delete_in_its_grace_period_re_enables_the_account_and_cancels_the_request() {
        String accountId = freeAccount();
        Map<String, Object> before = simulator.account(accountId);
        JsonNode accepted = accepted(submit(requester, request("DELETE", accountId)));
        String id = accepted.path("id").asText();
        String processInstanceId = accepted.path("processInstanceId").asText();
        decide(approver, processInstanceId, "approve", true, "Leaver");
        decide(security, processInstanceId, "approve-second", true, "Checked");
        awaitStatus(requester, id, "WAITING_GRACE_PERIOD");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");

        Answer undo = requester.post("/api/requests/" + id + "/undo");

        assertThat(undo.status()).isEqualTo(202);
        assertThat(undo.json().path("id").asText()).as("the delete itself carries its undo").isEqualTo(id);
        awaitStatus(requester, id, "CANCELLED");
        Map<String, Object> after = simulator.account(accountId);
        assertThat(after).containsEntry("accountStatus", "active").containsEntry("forDeletion", false);
        assertThat(groups(after)).isEqualTo(groups(before));
        assertThat(requester.get("/api/requests/" + id).json().path("outcome").asText()).isEqualTo("cancelled");
        assertThat(simulator.calls(accountId).get("countsByAccount").toString()).doesNotContain("userManagement.delete=");
    }

    // ---------------------------------------------------------------- evidence

    @Test
    void the_evidence_of_a_completed_disable_names_requester_and_approver_and_proves_the_plan_and_the_call() {
        String accountId = freeAccount();
        JsonNode completed = completedDisable(accountId);
        String id = completed.path("id").asText();
        String processInstanceId = completed.path("processInstanceId").asText();

        Answer answer = requester.get("/api/requests/" + id + "/evidence");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode evidence = answer.json();
        assertThat(evidence.path("requestId").asText()).isEqualTo(id);
        assertThat(evidence.path("action").asText()).isEqualTo("DISABLE");
        assertThat(evidence.path("account").asText()).isEqualTo(accountId);
        assertThat(evidence.path("requester").asText()).isEqualTo("requester");
        assertThat(evidence.path("reason").asText()).isEqualTo("Left the company");
        assertThat(evidence.path("reasonCode").asText()).isEqualTo("TERMINATION");
        assertThat(evidence.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(evidence.path("outcome").asText()).isEqualTo("completed");

        assertThat(evidence.path("approvals")).singleElement().satisfies(approval -> {
            assertThat(approval.path("approver").asText()).isEqualTo("approver");
            assertThat(approval.path("approved").asBoolean()).isTrue();
            assertThat(Instant.parse(approval.path("at").asText()))
                    .isAfterOrEqualTo(Instant.parse(evidence.path("submittedAt").asText()));
            assertThat(approval.path("planHash").asText()).isEqualTo(evidence.path("planSha256").asText());
        });

        Plan plan = PlanJson.read(evidence.path("plan").toString(), Plan.class);
        assertThat(evidence.path("planSha256").asText()).isEqualTo(PlanJson.hash(plan))
                .isEqualTo(engine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId).variableName("planHash").singleResult().getValue());

        JsonNode disableCall = callOf(evidence.path("apiCalls"), "userManagement.disable");
        assertThat(disableCall.path("status").asInt()).isEqualTo(204);
        assertThat(disableCall.path("method").asText()).isEqualTo("POST");
        // The path as sent, percent-encoded (account ids may hold a colon).
        assertThat(UriUtils.decode(disableCall.path("path").asText(), StandardCharsets.UTF_8)).contains(accountId);
        assertThat(disableCall.path("atlassianRequestId").asText()).as("Atlassian's trace id, for support cases")
                .matches("[0-9a-f]{32}");

        assertThat(evidence.path("finalState").path("accountId").asText()).isEqualTo(accountId);
        assertThat(evidence.path("finalState").path("accountStatus").asText()).isEqualTo("inactive");

        JsonNode process = evidence.path("process");
        assertThat(process.path("definitionKey").asText()).isEqualTo("account-disable");
        assertThat(process.path("instanceId").asText()).isEqualTo(processInstanceId);
        assertThat(process.path("definitionVersion").asInt()).isPositive().isEqualTo(engine.getRepositoryService()
                .getProcessDefinition(process.path("definitionId").asText()).getVersion());
        assertThat(process.path("endedAt").asText()).isNotBlank();
    }

    // ---------------------------------------------------------------- not found, duplicates, idempotency

    @Test
    void unknown_and_malformed_ids_are_404_problems_on_every_endpoint() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-request-id", "12345",
                UUID.randomUUID().toString().toUpperCase())) {
            assertProblem(demo.get("/api/requests/" + id), 404);
            assertProblem(demo.get("/api/requests/" + id + "/evidence"), 404);
            assertProblem(demo.post("/api/requests/" + id + "/cancel"), 404);
            assertProblem(demo.post("/api/requests/" + id + "/undo"), 404);
        }
    }

    @Test
    void a_second_open_request_for_the_same_account_and_action_is_409_naming_the_open_one() {
        String accountId = freeAccount();
        String first = accepted(submit(requester, disable(accountId))).path("id").asText();
        long before = allProcessInstances();

        Answer second = submit(requester, disable(accountId));
        Answer byAdmin = submit(demo, disable(accountId));

        for (Answer duplicate : List.of(second, byAdmin)) {
            assertProblem(duplicate, 409);
            assertThat(duplicate.json().path("type").asText()).endsWith("duplicate-request");
            assertThat(duplicate.json().path("openRequest").path("id").asText()).isEqualTo(first);
            assertThat(duplicate.json().path("detail").asText()).contains(first);
        }
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(openRequests(accountId)).extracting(StoredRequest::id).containsExactly(first);
        // Another action on the same account is another request.
        Answer enable = submit(requester, request("ENABLE", accountId));
        assertThat(enable.status()).isEqualTo(202);
        made.add(enable.json().path("id").asText());
    }

    @Test
    void the_same_idempotency_key_and_body_answer_the_same_request_and_start_no_second_process() {
        String accountId = freeAccount();
        String key = "hr-sync-" + UUID.randomUUID();
        Answer first = submit(requester, disable(accountId), key);
        assertThat(first.status()).isEqualTo(202);
        String id = first.json().path("id").asText();
        made.add(id);
        long before = allProcessInstances();

        Answer replay = submit(requester, disable(accountId), key);
        // The same request, written another way (field order, whitespace), is the same body.
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("reasonCode", "TERMINATION");
        reordered.put("reason", "Left the company");
        reordered.put("accountId", accountId);
        reordered.put("action", "DISABLE");
        Answer rewritten = requester.post("/api/requests", MediaType.APPLICATION_JSON_VALUE,
                "  " + write(reordered).replace(",", " ,\n ") + "\n", Map.of("Idempotency-Key", key));

        for (Answer again : List.of(replay, rewritten)) {
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().path("id").asText()).isEqualTo(id);
            assertThat(again.json().path("processInstanceId").asText())
                    .isEqualTo(first.json().path("processInstanceId").asText());
            assertThat(again.headers().getLocation()).hasToString("/api/requests/" + id);
        }
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .count()).isEqualTo(1);
        assertThat(requests(accountId)).extracting(StoredRequest::id).containsExactly(id);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_422() {
        String accountId = freeAccount();
        String key = "hr-sync-" + UUID.randomUUID();
        String id = accepted(submit(requester, disable(accountId), key)).path("id").asText();
        long before = allProcessInstances();
        Map<String, Object> other = disable(accountId);
        other.put("reason", "Another reason");

        Answer answer = submit(requester, other, key);

        assertProblem(answer, 422);
        assertThat(answer.json().path("type").asText()).endsWith("idempotency-key-reused");
        assertThat(answer.json().path("detail").asText()).contains(id);
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(requests(accountId)).extracting(StoredRequest::id).containsExactly(id);
    }

    @Test
    void a_body_that_is_not_json_is_415_and_anonymous_callers_are_401() {
        String accountId = freeAccount();
        long before = allProcessInstances();
        int requestsBefore = requests(accountId).size(); // other test classes may have used the account earlier

        Answer plain = requester.post("/api/requests", MediaType.TEXT_PLAIN_VALUE, write(disable(accountId)), Map.of());
        assertProblem(plain, 415);

        String someId = "/api/requests/" + UUID.randomUUID();
        for (Answer refused : List.of(anonymous.get("/api/requests"), anonymous.get(someId),
                anonymous.post("/api/requests", MediaType.APPLICATION_JSON_VALUE, write(disable(accountId)), Map.of()),
                anonymous.get(someId + "/evidence"), anonymous.post(someId + "/cancel"), anonymous.post(someId + "/undo"),
                Api.as(port, "nobody-" + UUID.randomUUID(), "wrong").get("/api/requests"))) {
            assertProblem(refused, 401);
            assertThat(refused.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        }
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(requests(accountId)).hasSize(requestsBefore);
    }

    // ---------------------------------------------------------------- OpenAPI

    @Test
    void the_openapi_description_covers_the_request_api_and_swagger_ui_is_served_to_signed_in_users() {
        Answer docs = requester.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.path("/api/requests").has("post")).isTrue();
        assertThat(paths.path("/api/requests").has("get")).isTrue();
        assertThat(paths.path("/api/requests/{id}").has("get")).isTrue();
        assertThat(paths.path("/api/requests/{id}/cancel").has("post")).isTrue();
        assertThat(paths.path("/api/requests/{id}/undo").has("post")).isTrue();
        assertThat(paths.path("/api/requests/{id}/evidence").has("get")).isTrue();
        List<String> listParameters = paths.path("/api/requests").path("get").path("parameters").findValuesAsText("name");
        assertThat(listParameters).contains("accountId", "action", "status", "page", "size");
        assertThat(docs.json().path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");

        Answer ui = requester.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.headers().getContentType()).isNotNull();
        assertThat(ui.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(ui.body()).containsIgnoringCase("swagger-ui");

        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(401);
    }

    @Test
    void the_openapi_description_declares_the_answers_each_operation_really_gives() {
        JsonNode docs = requester.get("/v3/api-docs").json();
        Map<String, List<String>> answers = new LinkedHashMap<>();
        // Every operation answers 400 to a query parameter it does not take.
        answers.put("post /api/requests", List.of("200", "202", "400", "401", "403", "409", "415", "422", "503"));
        answers.put("get /api/requests", List.of("200", "400", "401"));
        answers.put("get /api/requests/{id}", List.of("200", "400", "401", "404"));
        answers.put("post /api/requests/{id}/cancel", List.of("200", "400", "401", "403", "404", "409"));
        answers.put("post /api/requests/{id}/undo", List.of("202", "400", "401", "403", "404", "409"));
        answers.put("get /api/requests/{id}/evidence", List.of("200", "400", "401", "404"));
        answers.put("post /api/requests/bulk", List.of("200", "202", "400", "401", "403", "413", "415", "503"));
        answers.put("get /api/batches", List.of("200", "400", "401"));
        answers.put("get /api/batches/{id}", List.of("200", "400", "401", "404"));

        answers.forEach((operation, statuses) -> {
            String[] methodAndPath = operation.split(" ");
            JsonNode responses = docs.path("paths").path(methodAndPath[1]).path(methodAndPath[0]).path("responses");
            List<String> declared = new ArrayList<>();
            responses.fieldNames().forEachRemaining(declared::add);
            assertThat(declared).as(operation).containsExactlyInAnyOrderElementsOf(statuses);
            for (String status : statuses) {
                JsonNode content = responses.path(status).path("content");
                if (status.startsWith("2")) {
                    assertThat(content.path("application/json").path("schema").path("$ref").asText())
                            .as(operation + " " + status).startsWith("#/components/schemas/");
                } else {
                    assertThat(content.path("application/problem+json").path("schema").path("$ref").asText())
                            .as(operation + " " + status).isEqualTo("#/components/schemas/Problem");
                    assertThat(content.size()).as(operation + " " + status + ": problem details only").isEqualTo(1);
                }
                assertThat(responses.path(status).path("description").asText()).as(operation + " " + status).isNotBlank();
            }
            assertThat(responses.path("401").path("headers").has("WWW-Authenticate")).as(operation).isTrue();
        });
        for (String accepted : List.of("/api/requests", "/api/requests/{id}/undo")) {
            JsonNode location = docs.path("paths").path(accepted).path("post").path("responses").path("202")
                    .path("headers").path("Location");
            assertThat(location.path("required").asBoolean()).as(accepted).isTrue();
        }
        JsonNode idempotencyKey = StreamSupport.stream(docs.path("paths").path("/api/requests").path("post")
                .path("parameters").spliterator(), false).filter(p -> "Idempotency-Key".equals(p.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Idempotency-Key parameter"));
        assertThat(idempotencyKey.path("in").asText()).isEqualTo("header");
        assertThat(idempotencyKey.path("required").asBoolean()).isFalse();
        assertThat(idempotencyKey.path("schema").path("maxLength").asInt()).isEqualTo(128);
        Map<String, String> dryRuns = Map.of("/api/requests", "/DryRun", "/api/requests/bulk", "/BulkDryRun");
        dryRuns.forEach((path, answer) -> {
            JsonNode dryRun = StreamSupport.stream(docs.path("paths").path(path).path("post")
                    .path("parameters").spliterator(), false).filter(p -> "dryRun".equals(p.path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no dryRun parameter of " + path));
            assertThat(dryRun.path("in").asText()).as(path).isEqualTo("query");
            assertThat(dryRun.path("required").asBoolean()).as(path).isFalse();
            assertThat(dryRun.path("schema").path("type").asText()).as(path).isEqualTo("boolean");
            assertThat(docs.path("paths").path(path).path("post").path("responses").path("200").path("content")
                    .path("application/json").path("schema").path("$ref").asText()).as(path).endsWith(answer);
        });
        JsonNode bulkRow = docs.at("/components/schemas/BulkDryRunRow/properties/answer");
        assertThat(bulkRow.path("$ref").asText()).as("a bulk row answers as the single dry run")
                .endsWith("/DryRun");

        JsonNode problem = docs.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.fieldNames()).toIterable().contains("type", "title", "status", "detail", "errors", "openRequest");
        JsonNode body = docs.path("paths").path("/api/requests").path("post").path("requestBody");
        assertThat(body.path("required").asBoolean()).isTrue();
        String bodySchema = body.path("content").path("application/json").path("schema").path("$ref").asText();
        assertThat(docs.at("/components/schemas/" + bodySchema.substring(bodySchema.lastIndexOf('/') + 1) + "/properties")
                .fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(RequestBodyReader.FIELDS);
    }

    // ================================================================= helpers

    /** An active, organization-managed account with product groups, no open request, and unused by this class. */
    private String freeAccount() {
        List<String> candidates = new ArrayList<>(simulator.accounts().stream()
                .filter(SimulatorControl.managed())
                .filter(a -> "active".equals(a.get("accountStatus")) && a.get("externalDirectory") == null)
                .filter(a -> !Boolean.TRUE.equals(a.get("forDeletion")))
                .filter(a -> ((List<?>) a.get("platformRoles")).isEmpty())
                .filter(a -> !((List<?>) a.get("jiraGroups")).isEmpty())
                .map(a -> (String) a.get("accountId"))
                .toList());
        Collections.reverse(candidates); // other test classes tend to take the first ones
        for (String accountId : candidates) {
            // No request at all, from this class or another one sharing the demo database.
            if (!USED.contains(accountId) && requests(accountId).isEmpty() && USED.add(accountId)) {
                return accountId;
            }
        }
        throw new AssertionError("no free account left in the simulator");
    }

    private List<StoredRequest> openRequests(String accountId) {
        return repository.search(new RequestQuery(accountId, null, null, null, true, 0, 10));
    }

    private List<StoredRequest> requests(String accountId) {
        return repository.search(new RequestQuery(accountId, null, null, null, false, 0, 10));
    }

    private long allProcessInstances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().count()
                + engine.getRuntimeService().createProcessInstanceQuery().count();
    }

    private Answer submit(Api who, Map<String, Object> body) {
        return who.post("/api/requests", MediaType.APPLICATION_JSON_VALUE, write(body), Map.of());
    }

    private Answer submit(Api who, Map<String, Object> body, String idempotencyKey) {
        return who.post("/api/requests", MediaType.APPLICATION_JSON_VALUE, write(body),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** The body of a 202, remembered for clean-up. */
    private JsonNode accepted(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        made.add(answer.json().path("id").asText());
        return answer.json();
    }

    private JsonNode completedDisable(String accountId) {
        JsonNode accepted = accepted(submit(requester, disable(accountId)));
        decide(approver, accepted.path("processInstanceId").asText(), "approve", true, "HR ticket 4711");
        awaitStatus(requester, accepted.path("id").asText(), "COMPLETED");
        return requester.get("/api/requests/" + accepted.path("id").asText()).json();
    }

    /** The open "resolve manually" task of the instance, or null. */
    private static String resolveTask(EngineRest admin, String processInstanceId) {
        return admin.tasks(processInstanceId).stream().filter(task -> "resolve".equals(task.get("taskDefinitionKey")))
                .map(task -> (String) task.get("id")).findFirst().orElse(null);
    }

    private void decide(EngineRest who, String processInstanceId, String taskKey, boolean approved, String comment) {
        await().atMost(PATIENCE).until(() -> who.tasks(processInstanceId).stream()
                .anyMatch(task -> taskKey.equals(task.get("taskDefinitionKey"))));
        String taskId = who.tasks(processInstanceId).stream().filter(task -> taskKey.equals(task.get("taskDefinitionKey")))
                .map(task -> (String) task.get("id")).findFirst().orElseThrow();
        ResponseEntity<String> done = who.complete(taskId, Map.of("approved", approved, "comment", comment));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    }

    private static void awaitStatus(Api who, String id, String status) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(who.get("/api/requests/" + id).json().path("status").asText()).isEqualTo(status));
    }

    private static JsonNode callOf(JsonNode calls, String operation) {
        return StreamSupport.stream(calls.spliterator(), false)
                .filter(call -> operation.equals(call.path("operation").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + operation + " call in " + calls));
    }

    /** A requester of the test's own, whose list holds only what the test submits. */
    private Api freshRequester() {
        String userId = newRequester();
        return Api.as(port, userId, userId);
    }

    /** A new user in lifecycle-requesters, whose password is its id. */
    private String newRequester() {
        String userId = "pager" + UUID.randomUUID().toString().substring(0, 8); // Camunda ids: letters and digits
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(userId);
        user.setPassword(userId);
        user.setFirstName("Page");
        user.setLastName("Reader");
        identity.saveUser(user);
        identity.createMembership(userId, "lifecycle-requesters");
        return userId;
    }

    /** A delete by {@code who}, approved twice and now waiting out its grace period. */
    private String inGracePeriod(Api who, String accountId) {
        JsonNode accepted = accepted(submit(who, request("DELETE", accountId)));
        String processInstanceId = accepted.path("processInstanceId").asText();
        decide(approver, processInstanceId, "approve", true, "Leaver");
        decide(security, processInstanceId, "approve-second", true, "Checked");
        awaitStatus(who, accepted.path("id").asText(), "WAITING_GRACE_PERIOD");
        return accepted.path("id").asText();
    }

    private static void assertPage(Api who, String query, List<String> ids, boolean hasMore) {
        Answer answer = who.get("/api/requests?" + query);
        assertThat(ids(answer)).as(query).containsExactlyElementsOf(ids);
        assertThat(answer.json().path("hasMore").asBoolean()).as(query + ": hasMore").isEqualTo(hasMore);
    }

    /** The view links to itself, its evidence and exactly the {@code changes} (cancel, undo) that apply now. */
    private static void assertLinks(JsonNode view, String... changes) {
        String self = "/api/requests/" + view.path("id").asText();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("self", self);
        expected.put("evidence", self + "/evidence");
        for (String change : changes) {
            expected.put(change, self + "/" + change);
        }
        Map<String, String> links = new LinkedHashMap<>();
        view.path("links").fields().forEachRemaining(link -> links.put(link.getKey(), link.getValue().asText()));
        assertThat(links).as("links of a " + view.path("action").asText() + " " + view.path("status").asText())
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("items").findValuesAsText("id");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> groups(Map<String, Object> account) {
        Set<String> groups = new HashSet<>();
        for (String namespace : List.of("orgGroups", "jiraGroups", "confluenceGroups")) {
            ((List<String>) account.get(namespace)).forEach(name -> groups.add(namespace + ":" + name));
        }
        return groups;
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().getContentType()).as("content type of " + answer.body()).isNotNull();
        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(answer.headers().getContentType().toString()).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }

    static List<String> fieldsInError(Answer answer) {
        return answer.json().path("errors").findValuesAsText("field");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void ensureOtherRequester() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(OTHER_REQUESTER).count() == 0) {
            User user = identity.newUser(OTHER_REQUESTER);
            user.setPassword(OTHER_REQUESTER);
            user.setFirstName("Other");
            user.setLastName("Requester");
            identity.saveUser(user);
            identity.createMembership(OTHER_REQUESTER, "lifecycle-requesters");
        }
    }

    // ---------------------------------------------------------------- HTTP

    /** An answer of the API: status, headers, body text. */
    record Answer(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body == null ? "null" : body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** {@code /api} and friends over real HTTP, signed in with HTTP Basic (or anonymous); errors are answers too. */
    static final class Api {

        private final RestClient http;
        private final String base;

        private Api(RestClient http, String base) {
            this.http = http;
            this.base = base;
        }

        static Api as(int port, String user, String password) {
            return new Api(RestClient.builder()
                    .defaultHeaders(h -> {
                        if (user != null) {
                            h.setBasicAuth(user, password);
                        }
                    })
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                    .build(), "http://127.0.0.1:" + port);
        }

        Answer get(String path) {
            ResponseEntity<String> answer = http.get().uri(URI.create(base + path)).retrieve().toEntity(String.class);
            return new Answer(answer.getStatusCode().value(), answer.getHeaders(), answer.getBody());
        }

        Answer post(String path) {
            ResponseEntity<String> answer = http.post().uri(URI.create(base + path)).retrieve().toEntity(String.class);
            return new Answer(answer.getStatusCode().value(), answer.getHeaders(), answer.getBody());
        }

        Answer post(String path, String contentType, String body, Map<String, String> headers) {
            RestClient.RequestBodySpec spec = http.post().uri(URI.create(base + path))
                    .headers(h -> headers.forEach(h::add));
            if (contentType != null) {
                spec = spec.contentType(MediaType.parseMediaType(contentType));
            }
            if (body != null) {
                spec = spec.body(body);
            }
            ResponseEntity<String> answer = spec.retrieve().toEntity(String.class);
            return new Answer(answer.getStatusCode().value(), answer.getHeaders(), answer.getBody());
        }
    }
}
