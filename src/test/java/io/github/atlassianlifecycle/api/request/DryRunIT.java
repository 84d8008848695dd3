package io.github.atlassianlifecycle.api.request;

import static io.github.atlassianlifecycle.support.RequestBodies.disable;
import static io.github.atlassianlifecycle.support.RequestBodies.request;
import static io.github.atlassianlifecycle.api.request.RequestApiIT.assertProblem;
import static io.github.atlassianlifecycle.api.request.RequestApiIT.fieldsInError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.api.request.RequestApiIT.Answer;
import io.github.atlassianlifecycle.api.request.RequestApiIT.Api;
import io.github.atlassianlifecycle.batch.BatchRepository;
import io.github.atlassianlifecycle.process.steps.PlanVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.request.RequestQuery;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.support.UnfinishedRequests;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * {@code POST /api/requests?dryRun=true} (and {@code POST /api/requests/bulk?dryRun=true}, each row answered as the
 * single dry run answers it): what a request would do, from live Atlassian state, and nothing started.
 * The evidence that nothing was: the engine (no instance, alive or ended), the request and batch stores (no row), the
 * simulator's call log (reads only).
 */
@DemoAppTest
class DryRunIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Reads that Atlassian's reference makes POSTs: .../directories/{directoryId}/users/search and .../groups/search. */
    static final Set<String> SEARCHES_BY_POST = Set.of("organizations.searchUsers", "organizations.searchGroups");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RequestRepository repository;

    @Autowired
    BatchRepository batches;

    SimulatorControl simulator;
    Api requester;
    Api automation;
    Api demo;
    Api approver;
    /** Real requests a test made, removed afterwards if still running. */
    final List<String> made = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        requester = Api.as(port, "requester", "requester");
        automation = Api.as(port, "automation", "automation");
        demo = Api.as(port, "demo", "demo");
        approver = Api.as(port, "approver", "approver");
    }

    @AfterEach
    void removeWhatWasReallyStarted() {
        simulator.faults(Map.of());
        UnfinishedRequests.remove(repository, engine, made);
    }

    // ---------------------------------------------------------------- each action: the plan, the route, nothing started

    @Test
    void a_dry_run_of_a_disable_answers_200_and_starts_no_process_and_stores_no_request() {
        String accountId = freeAccount();
        long before = allProcessInstances();
        long callsBefore = simulatorCalls().total();

        Answer answer = dryRun(requester, disable(accountId));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("dryRun").asBoolean()).isTrue();
        assertThat(body.path("action").asText()).isEqualTo("DISABLE");
        assertThat(body.path("account").asText()).isEqualTo(accountId);
        assertThat(body.path("result").asText()).isEqualTo("WAITS_FOR_APPROVAL");
        assertThat(body.path("plan").path("action").asText()).isEqualTo("DISABLE");
        assertThat(body.path("plan").path("account").path("accountId").asText()).isEqualTo(accountId);
        assertThat(body.path("plan").path("calls").findValuesAsText("operation")).contains("DEACTIVATE");
        assertThat(body.path("planHash").asText()).matches("[0-9a-f]{64}");
        assertThat(body.path("planText").asText()).isNotBlank();
        assertRouting(body, false, "lifecycle-approvers", "");
        assertThat(body.path("problems")).isEmpty();
        assertNothingStarted(accountId, before);
        assertOnlyReads(callsBefore);
    }

    @Test
    void a_dry_run_of_a_termination_disable_by_automation_shows_it_pre_approved_by_policy() {
        String accountId = freeAccount();
        long before = allProcessInstances();

        JsonNode body = ok(dryRun(automation, disable(accountId)));

        assertThat(body.path("result").asText()).isEqualTo("PRE_APPROVED");
        assertThat(body.path("routing").path("preApproved").asBoolean()).isTrue();
        assertThat(body.path("routing").path("rule").asText()).contains("lifecycle-automation");
        assertNothingStarted(accountId, before);
    }

    @Test
    void a_dry_run_of_an_add_granting_a_privileged_group_needs_a_security_officer_too_and_invites_nobody() {
        String email = "dry.run." + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        Map<String, Object> add = addOfAnAdministrator(email);
        long before = allProcessInstances();
        long callsBefore = simulatorCalls().total();

        JsonNode body = ok(dryRun(requester, add));

        assertThat(body.path("result").asText()).isEqualTo("WAITS_FOR_APPROVAL");
        assertThat(body.path("plan").path("calls").findValuesAsText("operation")).contains("ADD_ORG_GROUP");
        assertRouting(body, false, "lifecycle-approvers", "lifecycle-security");
        assertNothingStarted(email, before);
        assertOnlyReads(callsBefore);
        assertThat(simulator.accounts()).noneMatch(account -> email.equalsIgnoreCase((String) account.get("email")));
    }

    @Test
    void a_dry_run_of_an_enable_of_a_deactivated_account_plans_its_return_and_changes_nothing() {
        String accountId = account(a -> "inactive".equals(a.get("accountStatus"))
                && !Boolean.TRUE.equals(a.get("forDeletion")));
        long before = allProcessInstances();
        long callsBefore = simulatorCalls().total();

        JsonNode body = ok(dryRun(requester, request("ENABLE", accountId)));

        assertThat(body.path("result").asText()).isEqualTo("WAITS_FOR_APPROVAL");
        assertThat(body.path("plan").path("calls")).isNotEmpty();
        assertRouting(body, false, "lifecycle-approvers", "");
        assertNothingStarted(accountId, before);
        assertOnlyReads(callsBefore);
        assertThat(simulator.account(accountId).get("accountStatus")).isEqualTo("inactive");
    }

    @Test
    void a_dry_run_of_a_delete_needs_two_approvals_even_from_automation_for_a_termination() {
        String accountId = freeAccount();
        Map<String, Object> delete = request("DELETE", accountId);
        delete.put("reasonCode", "TERMINATION");
        long before = allProcessInstances();
        long callsBefore = simulatorCalls().total();

        JsonNode body = ok(dryRun(automation, delete));

        assertThat(body.path("result").asText()).isEqualTo("WAITS_FOR_APPROVAL");
        assertRouting(body, false, "lifecycle-approvers", "lifecycle-security");
        assertNothingStarted(accountId, before);
        assertOnlyReads(callsBefore);
        assertThat(simulator.account(accountId).get("accountStatus")).isEqualTo("active");
    }

    @Test
    void a_dry_run_of_an_enable_of_an_active_account_has_nothing_to_do_and_routes_nothing() {
        String accountId = freeAccount();

        JsonNode body = ok(dryRun(requester, request("ENABLE", accountId)));

        assertThat(body.path("result").asText()).isEqualTo("NOTHING_TO_DO");
        assertThat(body.path("plan").path("calls")).isEmpty();
        assertThat(body.has("routing")).isFalse();
    }

    // ---------------------------------------------------------------- the same plan as the real request; nothing consumed

    @Test
    void a_dry_run_and_the_real_request_show_the_same_plan_and_hash_and_the_dry_run_takes_no_key_and_no_turn() {
        String accountId = freeAccount();
        String key = "hr-sync-" + UUID.randomUUID();
        JsonNode tried = ok(submit(requester, "/api/requests?dryRun=true", disable(accountId), key));
        assertThat(requests(accountId)).isEmpty();

        // Neither the Idempotency-Key nor the account's open-request turn was taken: the real one is new, and starts.
        Answer real = submit(requester, "/api/requests", disable(accountId), key);
        assertThat(real.status()).as(real.body()).isEqualTo(202);
        String id = real.json().path("id").asText();
        made.add(id);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(requester.get("/api/requests/" + id).json()
                .path("status").asText()).isEqualTo("PENDING_APPROVAL"));

        JsonNode pending = requester.get("/api/requests/" + id).json();
        assertThat(pending.path("planHash").asText()).isEqualTo(tried.path("planHash").asText());
        assertThat(pending.path("plan")).isEqualTo(tried.path("plan"));
        SerializableValue planText = (SerializableValue) engine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(real.json().path("processInstanceId").asText()).variableName("planText")
                .disableCustomObjectDeserialization().singleResult().getTypedValue();
        assertThat(PlanVariables.text(planText.getValueSerialized())).as("the text approvers read")
                .isEqualTo(tried.path("planText").asText());

        // The route is the one the process's routing step took.
        Map<String, Object> routed = engine.getRuntimeService().getVariables(
                real.json().path("processInstanceId").asText(), List.of(ProcessVariables.PRE_APPROVED,
                        ProcessVariables.FIRST_APPROVER_GROUP, ProcessVariables.SECOND_APPROVER_GROUP,
                        ProcessVariables.NEEDS_SECOND_APPROVAL, ProcessVariables.ROUTING_RULE));
        JsonNode routing = tried.path("routing");
        assertThat(routed).containsEntry(ProcessVariables.PRE_APPROVED, routing.path("preApproved").asBoolean())
                .containsEntry(ProcessVariables.FIRST_APPROVER_GROUP, routing.path("firstApproverGroup").asText())
                .containsEntry(ProcessVariables.SECOND_APPROVER_GROUP, routing.path("secondApproverGroup").asText())
                .containsEntry(ProcessVariables.NEEDS_SECOND_APPROVAL, routing.path("needsSecondApproval").asBoolean())
                .containsEntry(ProcessVariables.ROUTING_RULE, routing.path("rule").asText());

        // Now a submission would be a duplicate: the dry run says so, and still shows the plan.
        JsonNode again = ok(dryRun(requester, disable(accountId)));
        assertThat(again.path("result").asText()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(again.path("openRequest").path("id").asText()).isEqualTo(id);
        assertThat(again.path("problems").findValuesAsText("code")).containsExactly("DUPLICATE_REQUEST");
        assertThat(again.path("planHash").asText()).isEqualTo(tried.path("planHash").asText());
        assertThat(requests(accountId)).extracting(StoredRequest::id).containsExactly(id);
    }

    // ---------------------------------------------------------------- what would stop it; who may

    @Test
    void a_dry_run_for_an_account_atlassian_does_not_know_names_the_refusal_the_process_would_stop_at() {
        String unknown = "5b10ac8d82e05b22cc7d" + Integer.toHexString(0x1000 + (int) (Math.random() * 0xefff));
        long before = allProcessInstances();

        JsonNode body = ok(dryRun(requester, disable(unknown)));

        assertThat(body.path("result").asText()).isEqualTo("NEEDS_MANUAL_RESOLUTION");
        assertThat(body.path("problems").findValuesAsText("code")).containsExactly("ACCOUNT_NOT_FOUND");
        assertThat(body.has("plan")).isFalse();
        assertNothingStarted(unknown, before);
    }

    @Test
    void a_caller_who_may_not_submit_may_not_try_either() {
        String accountId = freeAccount();
        long before = allProcessInstances();
        long callsBefore = simulatorCalls().total();

        Answer answer = dryRun(approver, disable(accountId));

        assertProblem(answer, 403);
        assertNothingStarted(accountId, before);
        assertThat(simulatorCalls().total()).as("not even a read").isEqualTo(callsBefore);
    }

    @Test
    void a_dry_run_that_cannot_read_atlassian_is_503_and_starts_nothing() {
        String accountId = freeAccount();
        long before = allProcessInstances();
        simulator.faults(Map.of("serverErrorRate", 1.0));

        Answer answer = dryRun(requester, disable(accountId));

        assertProblem(answer, 503);
        assertThat(answer.json().path("type").asText()).endsWith("atlassian-unavailable");
        assertNothingStarted(accountId, before);
    }

    @Test
    void a_dry_run_body_is_validated_as_a_real_one() {
        Map<String, Object> body = disable(freeAccount());
        body.remove("reason");
        body.put("requester", "somebody-else");
        long before = allProcessInstances();

        Answer answer = dryRun(requester, body);

        assertProblem(answer, 400);
        assertThat(fieldsInError(answer)).containsExactlyInAnyOrder("requester", "reason");
        assertThat(allProcessInstances()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- query parameters: only the declared ones

    @Test
    void a_mistyped_dry_run_flag_is_refused_with_a_400_naming_it_and_starts_nothing() {
        String accountId = freeAccount();
        long before = allProcessInstances();

        for (String mistyped : List.of("dryrun=true", "dry-run=true", "DryRun=true", "dry_run=1")) {
            Answer answer = submit(requester, "/api/requests?" + mistyped, disable(accountId), null);

            assertProblem(answer, 400);
            assertThat(fieldsInError(answer)).as(mistyped).containsExactly(mistyped.substring(0, mistyped.indexOf('=')));
        }
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(requests(accountId)).isEmpty();
    }

    @Test
    void a_dry_run_value_that_is_not_exactly_true_or_false_is_refused_and_starts_nothing() {
        String accountId = freeAccount();
        long before = allProcessInstances();

        for (String bad : List.of("dryRun=yes", "dryRun=TRUE", "dryRun=1", "dryRun=", "dryRun",
                "dryRun=true&dryRun=false", "dryRun=false&dryRun=true")) {
            Answer answer = submit(requester, "/api/requests?" + bad, disable(accountId), null);

            assertProblem(answer, 400);
            assertThat(fieldsInError(answer)).as(bad).containsExactly("dryRun");
        }
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(requests(accountId)).isEmpty();

        Answer real = submit(requester, "/api/requests?dryRun=false", disable(accountId), null);
        assertThat(real.status()).as("dryRun=false is a real request").isEqualTo(202);
        made.add(real.json().path("id").asText());
    }

    @Test
    void every_endpoint_refuses_a_query_parameter_it_does_not_take_and_changes_nothing() {
        String accountId = freeAccount();
        Answer real = submit(requester, "/api/requests", disable(accountId), null);
        String id = real.json().path("id").asText();
        made.add(id);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(requester.get("/api/requests/" + id).json()
                .path("status").asText()).isEqualTo("PENDING_APPROVAL"));
        long before = allProcessInstances();
        String one = "/api/requests/" + id;

        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("POST /api/requests?dryrun=true",
                submit(requester, "/api/requests?dryrun=true", disable(freeAccount()), null));
        answers.put("GET /api/requests?sort=newest", requester.get("/api/requests?sort=newest"));
        answers.put("GET /api/requests?page=0&page=1", requester.get("/api/requests?page=0&page=1"));
        answers.put("GET " + one + "?dryRun=true", requester.get(one + "?dryRun=true"));
        answers.put("POST " + one + "/cancel?dryRun=true", requester.post(one + "/cancel?dryRun=true"));
        answers.put("POST " + one + "/undo?force=true", requester.post(one + "/undo?force=true"));
        answers.put("GET " + one + "/evidence?format=pdf", requester.get(one + "/evidence?format=pdf"));
        answers.put("POST /api/requests?dryrun=true as text/plain", requester.post("/api/requests?dryrun=true",
                MediaType.TEXT_PLAIN_VALUE, write(disable(accountId)), Map.of()));

        answers.forEach((call, answer) -> {
            assertProblem(answer, 400);
            assertThat(answer.json().path("type").asText()).as(call).endsWith("invalid-request");
            String named = call.substring(call.indexOf('?') + 1).split("[=& ]")[0];
            assertThat(fieldsInError(answer)).as(call).containsExactly(named);
        });
        assertThat(allProcessInstances()).isEqualTo(before);
        assertThat(requester.get(one).json().path("status").asText()).as("not withdrawn").isEqualTo("PENDING_APPROVAL");
        // A known parameter still reaches the 415 of a body that is not JSON.
        assertProblem(requester.post("/api/requests?dryRun=true", MediaType.TEXT_PLAIN_VALUE,
                write(disable(accountId)), Map.of()), 415);
    }

    // ================================================================= the same flag on bulk

    @Test
    void a_bulk_dry_run_of_a_csv_with_good_and_bad_rows_shows_each_row_and_starts_nothing() {
        String disabled = freeAccount();
        String enabled = freeAccount();
        String unknown = "5b10ac8d82e05b22cc7d" + Integer.toHexString(0x1000 + (int) (Math.random() * 0xefff));
        String csv = BULK_HEADER
                + "DISABLE," + disabled + ",,\"Left the company, end of contract\",TERMINATION\n" // line 2
                + "ENABLE," + enabled + ",,Back from leave,LEAVE\n"                                  // line 3
                + "DISABLE," + unknown + ",,Left,TERMINATION\n"                                      // line 4
                + "DISABLE," + enabled + ",,,TERMINATION\n"                                          // line 5: no reason
                + "DISABLE," + disabled + ",,Again,TERMINATION\n";                                   // line 6: repeats 2
        JsonNode single = ok(dryRun(automation, disable(disabled)));
        long before = allProcessInstances();
        long batchesBefore = batchCount();
        long callsBefore = simulatorCalls().total();

        Answer answer = automation.post("/api/requests/bulk?dryRun=true", "text/csv", csv, Map.of());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().getLocation()).as("nothing to follow").isNull();
        JsonNode body = answer.json();
        assertThat(body.path("dryRun").asBoolean()).isTrue();
        assertThat(body.path("source").asText()).isEqualTo("CSV");
        assertThat(body.path("rows").findValuesAsText("line")).containsExactly("2", "3", "4", "5", "6");
        JsonNode first = bulkRow(body, 2).path("answer");
        assertThat(first.path("result").asText()).isEqualTo("PRE_APPROVED");
        assertThat(first.path("account").asText()).isEqualTo(disabled);
        assertThat(first.path("planHash").asText()).as("the single dry run's plan").isEqualTo(single.path("planHash")
                .asText());
        assertThat(first.path("plan")).isEqualTo(single.path("plan"));
        assertThat(first.path("routing")).isEqualTo(single.path("routing"));
        assertThat(bulkRow(body, 3).path("answer").path("result").asText()).isEqualTo("NOTHING_TO_DO");
        assertThat(bulkRow(body, 4).path("answer").path("result").asText()).isEqualTo("NEEDS_MANUAL_RESOLUTION");
        assertThat(bulkRow(body, 4).path("answer").path("problems").findValuesAsText("code"))
                .containsExactly("ACCOUNT_NOT_FOUND");
        assertThat(bulkRow(body, 5).path("error").asText()).contains("reason");
        assertThat(bulkRow(body, 6).path("error").asText()).contains("duplicate").contains("line 2");
        assertThat(bulkRow(body, 5).has("answer")).isFalse();
        JsonNode summary = body.path("summary");
        assertThat(summary.path("rows").asInt()).isEqualTo(5);
        assertThat(summary.path("refused").asInt()).isEqualTo(2);
        assertThat(summary.path("byResult")).isEqualTo(JSON.valueToTree(Map.of("PRE_APPROVED", 1, "NOTHING_TO_DO", 1,
                "NEEDS_MANUAL_RESOLUTION", 1)));
        assertThat(summary.path("byAction")).isEqualTo(JSON.valueToTree(Map.of("DISABLE", 2, "ENABLE", 1)));

        assertNothingStarted(disabled, before);
        assertNothingStarted(enabled, before);
        assertThat(batchCount()).as("batches").isEqualTo(batchesBefore);
        assertOnlyReads(callsBefore);
        assertThat(simulator.account(disabled).get("accountStatus")).isEqualTo("active");
    }

    @Test
    void a_bulk_dry_run_of_a_json_array_answers_each_row_as_a_single_dry_run_would() {
        String accountId = freeAccount();
        String email = "bulk.dry." + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        Map<String, Object> add = addOfAnAdministrator(email);
        long before = allProcessInstances();
        long callsBefore = simulatorCalls().total();

        Answer answer = requester.post("/api/requests/bulk?dryRun=true", MediaType.APPLICATION_JSON_VALUE,
                write(List.of(add, request("DELETE", accountId))), Map.of());

        JsonNode body = ok(answer);
        assertThat(body.path("source").asText()).isEqualTo("JSON");
        JsonNode added = bulkRow(body, 0).path("answer");
        assertThat(added.path("result").asText()).isEqualTo("WAITS_FOR_APPROVAL");
        assertThat(added.path("plan").path("calls").findValuesAsText("operation")).contains("ADD_ORG_GROUP");
        assertRouting(added, false, "lifecycle-approvers", "lifecycle-security");
        assertRouting(bulkRow(body, 1).path("answer"), false, "lifecycle-approvers", "lifecycle-security");
        assertThat(body.path("summary").path("byResult")).isEqualTo(JSON.valueToTree(Map.of("WAITS_FOR_APPROVAL", 2)));
        assertNothingStarted(accountId, before);
        assertNothingStarted(email, before);
        assertOnlyReads(callsBefore);
        assertThat(simulator.accounts()).noneMatch(account -> email.equalsIgnoreCase((String) account.get("email")));
    }

    @Test
    void a_bulk_dry_run_shows_a_row_whose_account_has_an_open_request_as_a_submission_would_meet_it() {
        String accountId = freeAccount();
        Answer real = submit(requester, "/api/requests", disable(accountId), null);
        assertThat(real.status()).as(real.body()).isEqualTo(202);
        String id = real.json().path("id").asText();
        made.add(id);

        JsonNode body = ok(requester.post("/api/requests/bulk?dryRun=true", "text/csv", BULK_HEADER + "DISABLE,"
                + accountId + ",,Left,TERMINATION\n", Map.of()));

        JsonNode row = bulkRow(body, 2).path("answer");
        assertThat(row.path("result").asText()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(row.path("openRequest").path("id").asText()).isEqualTo(id);
        assertThat(requests(accountId)).extracting(StoredRequest::id).containsExactly(id);
    }

    @Test
    void a_bulk_dry_run_with_atomic_and_a_bad_row_is_refused_as_the_real_one_is() {
        String accountId = freeAccount();
        String csv = BULK_HEADER + "DISABLE," + accountId + ",,Left,TERMINATION\n" + "DISABLE,acc-1,,,TERMINATION\n";
        long before = allProcessInstances();
        long batchesBefore = batchCount();
        long callsBefore = simulatorCalls().total();

        Answer dry = requester.post("/api/requests/bulk?atomic=true&dryRun=true", "text/csv", csv, Map.of());
        Answer real = requester.post("/api/requests/bulk?atomic=true", "text/csv", csv, Map.of());

        assertProblem(dry, 400);
        assertProblem(real, 400);
        assertThat(dry.json().path("rows")).isEqualTo(real.json().path("rows"));
        assertThat(dry.json().path("rows").findValuesAsText("line")).containsExactly("3");
        assertNothingStarted(accountId, before);
        assertThat(batchCount()).isEqualTo(batchesBefore);
        assertThat(simulatorCalls().total()).as("refused before any read").isEqualTo(callsBefore);
    }

    @Test
    void a_bulk_dry_run_value_that_is_not_exactly_true_or_false_is_refused_and_stores_nothing() {
        String accountId = freeAccount();
        String csv = BULK_HEADER + "DISABLE," + accountId + ",,Left,TERMINATION\n";
        long before = allProcessInstances();
        long batchesBefore = batchCount();

        for (String bad : List.of("dryRun=yes", "dryRun=TRUE", "dryRun=1", "dryRun=", "dryRun",
                "dryRun=true&dryRun=false", "dryrun=true", "dry-run=true")) {
            Answer answer = requester.post("/api/requests/bulk?" + bad, "text/csv", csv, Map.of());

            assertProblem(answer, 400);
            assertThat(fieldsInError(answer)).as(bad).containsExactly(bad.substring(0, bad.contains("=")
                    ? bad.indexOf('=') : bad.length()));
        }
        assertNothingStarted(accountId, before);
        assertThat(batchCount()).isEqualTo(batchesBefore);
    }

    @Test
    void a_bulk_dry_run_that_cannot_read_atlassian_is_503_and_answers_no_rows() {
        String accountId = freeAccount();
        long before = allProcessInstances();
        long batchesBefore = batchCount();
        simulator.faults(Map.of("serverErrorRate", 1.0));

        Answer answer = requester.post("/api/requests/bulk?dryRun=true", "text/csv", BULK_HEADER + "DISABLE,"
                + accountId + ",,Left,TERMINATION\n", Map.of());

        assertProblem(answer, 503);
        assertThat(answer.json().path("type").asText()).endsWith("atlassian-unavailable");
        assertThat(answer.json().has("rows")).as("nothing partial").isFalse();
        assertNothingStarted(accountId, before);
        assertThat(batchCount()).isEqualTo(batchesBefore);
    }

    // ================================================================= helpers

    static final String BULK_HEADER = "action,accountId,email,reason,reasonCode\n";

    long batchCount() {
        return batches.search(null, 0, Integer.MAX_VALUE).size();
    }

    static JsonNode bulkRow(JsonNode body, int line) {
        for (JsonNode row : body.path("rows")) {
            if (row.path("line").asInt() == line) {
                return row;
            }
        }
        throw new AssertionError("no row " + line + " in " + body);
    }

    /** An active, organization-managed account with product groups and no request on record. */
    String freeAccount() {
        return account(a -> "active".equals(a.get("accountStatus")) && !Boolean.TRUE.equals(a.get("forDeletion"))
                && !((List<?>) a.get("jiraGroups")).isEmpty());
    }

    /** A managed account of the organization's own directory, with no request on record, that {@code filter} takes. */
    String account(Predicate<Map<String, Object>> filter) {
        List<String> candidates = new ArrayList<>(simulator.accounts().stream()
                .filter(SimulatorControl.managed())
                .filter(a -> a.get("externalDirectory") == null && ((List<?>) a.get("platformRoles")).isEmpty())
                .filter(filter)
                .map(a -> (String) a.get("accountId"))
                .toList());
        Collections.shuffle(candidates); // other test classes of the shared context take the first and the last ones
        return candidates.stream().filter(id -> requests(id).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no free account left in the simulator"));
    }

    List<StoredRequest> requests(String account) {
        return repository.search(new RequestQuery(account, null, null, null, false, 0, 10));
    }

    long allProcessInstances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().count()
                + engine.getRuntimeService().createProcessInstanceQuery().count();
    }

    /** No process instance more (alive or ended) than {@code before}, and no request of the account on record. */
    void assertNothingStarted(String account, long before) {
        assertThat(allProcessInstances()).as("process instances").isEqualTo(before);
        assertThat(requests(account)).as("requests of " + account).isEmpty();
    }

    /**
     * Every call the simulator received since it had received {@code totalBefore}: reads, and at least one. A read is
     * a GET, or one of the searches Atlassian documents as a POST.
     */
    void assertOnlyReads(long totalBefore) {
        CallLog after = simulatorCalls();
        int made = (int) (after.total() - totalBefore);
        assertThat(made).as("calls to Atlassian: the plan comes from live state").isPositive();
        List<Map<String, Object>> since = after.calls().subList(after.calls().size() - made, after.calls().size());
        assertThat(since).as("calls to Atlassian during the dry run").allSatisfy(call ->
                assertThat("GET".equals(call.get("method")) || SEARCHES_BY_POST.contains(call.get("operation")))
                        .as(call.toString()).isTrue());
    }

    static void assertRouting(JsonNode body, boolean preApproved, String first, String second) {
        JsonNode routing = body.path("routing");
        assertThat(routing.path("preApproved").asBoolean()).as("preApproved").isEqualTo(preApproved);
        assertThat(routing.path("firstApproverGroup").asText()).isEqualTo(first);
        assertThat(routing.path("secondApproverGroup").asText()).isEqualTo(second);
        assertThat(routing.path("needsSecondApproval").asBoolean()).as("needsSecondApproval")
                .isEqualTo(!second.isEmpty());
        assertThat(routing.path("rule").asText()).isNotBlank();
    }

    /** The simulator's call log: how many calls in all, and the latest ones in order. */
    record CallLog(long total, List<Map<String, Object>> calls) {
    }

    @SuppressWarnings("unchecked")
    CallLog simulatorCalls() {
        Map<String, Object> log = RestClient.create().get().uri("http://127.0.0.1:" + port + "/sim/_control/calls")
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        return new CallLog(((Number) log.get("total")).longValue(), (List<Map<String, Object>>) log.get("calls"));
    }

    static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** An ADD that grants a privileged group, so it needs a second approval. */
    static Map<String, Object> addOfAnAdministrator(String email) {
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("action", "ADD");
        add.put("email", email);
        add.put("displayName", "Dry Run");
        add.put("groups", List.of("org-admins"));
        add.put("reason", "New administrator");
        return add;
    }

    Answer dryRun(Api who, Map<String, Object> body) {
        return submit(who, "/api/requests?dryRun=true", body, null);
    }

    static Answer submit(Api who, String path, Map<String, Object> body, String idempotencyKey) {
        return who.post(path, MediaType.APPLICATION_JSON_VALUE, write(body),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
