package io.github.atlassianlifecycle.e2e;

import static io.github.atlassianlifecycle.support.RequestBodies.disable;
import static io.github.atlassianlifecycle.support.RequestBodies.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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

import io.github.atlassianlifecycle.support.FreeAccounts;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * What one request costs Atlassian, by operation, as the simulator's call log records it (issue 12: "read once").
 * Each request goes the whole way a user's does: {@code POST /api/requests}, the job executor, the real HTTP hop to
 * the simulator. The account's facts are read once to plan, once more only after an approval that waited, and
 * verification reads back only what the request changed. Each test prints its table (operation → count).
 *
 * <p>The accounts are plain managed ones (no identity provider, no admin roles) in Jira and Confluence, with the
 * demo's policy of releasing their product seats on a disable.
 */
@DemoAppTest
class AtlassianCallsPerActionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Accounts this class has used: each test needs one nobody has a request for. */

    @LocalServerPort
    int port;

    @Autowired
    RequestRepository repository;

    SimulatorControl simulator;
    EngineRest approver;
    EngineRest security;

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        approver = EngineRest.as(port, "approver", "approver");
        security = EngineRest.as(port, "security", "security");
    }

    @Test
    void a_pre_approved_disable_reads_the_account_once_and_reads_back_only_what_it_changed() {
        String accountId = freeAccount();

        Map<String, Integer> calls = costOf(() -> completed(submit("automation", disable(accountId))));

        print("pre-approved DISABLE", calls);
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(readings(1,
                // the deactivation, read first (idempotent), then read back: its status and nothing else
                "userManagement.profile", 2, "userManagement.disable", 1));
        assertThat(total(calls)).as("callsPerDisable").isLessThanOrEqualTo(8);
    }

    @Test
    void an_approved_disable_reads_the_account_again_once_after_its_approval() {
        String accountId = freeAccount();

        Map<String, Integer> calls = costOf(() -> approved(disable(accountId), "COMPLETED", "approve"));

        print("approved DISABLE", calls);
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(readings(2,
                "userManagement.profile", 2, "userManagement.disable", 1));
    }

    @Test
    void an_approved_enable_reads_the_account_again_once_after_its_approval() {
        String accountId = freeAccount();
        completed(submit("automation", disable(accountId)));

        Map<String, Integer> calls = costOf(() -> approved(request("ENABLE", accountId), "COMPLETED", "approve"));

        print("approved ENABLE", calls);
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(readings(2,
                "userManagement.profile", 2, "userManagement.enable", 1));
    }

    @Test
    void an_approved_delete_reads_the_account_again_once_after_its_approvals_until_its_grace_period() {
        String accountId = freeAccount();

        Map<String, Integer> calls = costOf(() -> approved(request("DELETE", accountId), "WAITING_GRACE_PERIOD",
                "approve", "approve-second"));

        print("approved DELETE (until its grace period)", calls);
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(readings(2,
                "userManagement.profile", 2, "userManagement.disable", 1));
    }

    @Test
    void an_approved_add_looks_for_the_person_again_once_after_its_approval() {
        String email = "calls-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";

        Map<String, Integer> calls = costOf(() -> approved(Map.of("action", "ADD", "email", email,
                "displayName", "Counted Person", "groups", List.of("jira-software-users"), "reason", "New hire",
                "reasonCode", "ACCESS_REQUEST"), "COMPLETED", "approve"));

        print("approved ADD", calls);
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(expected(
                // the person and the group looked for to plan, and again after the approval
                "organizations.searchUsers", 2 + 4, "organizations.searchGroups", 2,
                // the invitation, read first; the new account's id for its group; both read back
                "organizations.invite", 1, "organizations.addMembership", 1));
    }

    // ---------------------------------------------------------------- the count

    /**
     * The calls the simulator recorded while {@code action} ran, by operation: all of them, because a search by
     * account id in a body is credited to no account (each test starts from a reset simulator and runs alone).
     */
    private Map<String, Integer> costOf(Runnable action) {
        Map<String, Integer> before = simulator.countsByOperation();
        action.run();
        return minus(simulator.countsByOperation(), before);
    }

    private static Map<String, Integer> minus(Map<String, Integer> after, Map<String, Integer> before) {
        Map<String, Integer> delta = new TreeMap<>();
        after.forEach((operation, count) -> {
            int made = count - before.getOrDefault(operation, 0);
            if (made > 0) {
                delta.put(operation, made);
            }
        });
        return delta;
    }

    /**
     * The account's facts read {@code times} times (the org user with its groups, the lifecycle privilege, the Jira
     * user and groups, the Confluence groups), and the other calls named.
     */
    private static Map<String, Integer> readings(int times, Object... operationsAndCounts) {
        Map<String, Integer> expected = expected(operationsAndCounts);
        for (String read : List.of("organizations.searchUsers", "userManagement.privileges", "jira.getUser",
                "jira.userGroups", "confluence.memberOf")) {
            expected.merge(read, times, Integer::sum);
        }
        return expected;
    }

    private static Map<String, Integer> expected(Object... operationsAndCounts) {
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < operationsAndCounts.length; i += 2) {
            expected.put((String) operationsAndCounts[i], (Integer) operationsAndCounts[i + 1]);
        }
        return expected;
    }

    private static int total(Map<String, Integer> calls) {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void print(String action, Map<String, Integer> calls) {
        StringBuilder table = new StringBuilder("\nAtlassian calls of one " + action + "\n");
        table.append(String.format("  %-36s %5s%n", "operation", "calls"));
        calls.forEach((operation, count) -> table.append(String.format("  %-36s %5d%n", operation, count)));
        table.append(String.format("  %-36s %5d%n", "total", total(calls)));
        System.out.println(table);
    }

    // ---------------------------------------------------------------- requests

    private String freeAccount() {
        return new FreeAccounts(simulator, repository).take(a -> ((List<?>) a.get("jiraGroups")).size() == 1
                && ((List<?>) a.get("confluenceGroups")).size() == 1);
    }

    private ResponseEntity<String> submit(String user, Map<String, Object> body) {
        try {
            return api(user).post().uri(URI.create(base() + "/api/requests")).contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(body)).retrieve().toEntity(String.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode accepted(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
        return json(answer.getBody());
    }

    private void completed(ResponseEntity<String> answer) {
        awaitStatus(accepted(answer).path("id").asText(), "COMPLETED");
    }

    /**
     * The requester's request, approved at each of {@code tasks} in turn (the first by an approver, the second by
     * security), until it reaches {@code status}.
     */
    private void approved(Map<String, Object> body, String status, String... tasks) {
        JsonNode accepted = accepted(submit("requester", body));
        String processInstanceId = accepted.path("processInstanceId").asText();
        for (int i = 0; i < tasks.length; i++) {
            decide(i == 0 ? approver : security, processInstanceId, tasks[i]);
        }
        awaitStatus(accepted.path("id").asText(), status);
    }

    private void decide(EngineRest who, String processInstanceId, String taskKey) {
        await().atMost(PATIENCE).until(() -> who.tasks(processInstanceId).stream()
                .anyMatch(task -> taskKey.equals(task.get("taskDefinitionKey"))));
        String taskId = who.tasks(processInstanceId).stream().filter(task -> taskKey.equals(task.get("taskDefinitionKey")))
                .map(task -> (String) task.get("id")).findFirst().orElseThrow();
        ResponseEntity<String> done = who.complete(taskId, Map.of("approved", true, "comment", "HR ticket 4711"));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    }

    private void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(json(api("demo").get()
                .uri(URI.create(base() + "/api/requests/" + id)).retrieve().body(String.class)).path("status").asText())
                .isEqualTo(status));
    }

    private RestClient api(String user) {
        return RestClient.builder().defaultHeaders(h -> h.setBasicAuth(user, user))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
