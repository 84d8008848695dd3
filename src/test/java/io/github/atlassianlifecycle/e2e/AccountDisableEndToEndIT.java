package io.github.atlassianlifecycle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The foundation end to end, the way an integrator and an approver use it: a requester starts account-disable
 * through {@code /engine-rest}, an approver approves it through {@code /engine-rest}, the job executor runs the
 * delegate, the delegate calls the simulator over HTTP, and the account is inactive.
 */
@DemoAppTest
class AccountDisableEndToEndIT {

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    EngineRest requester;
    EngineRest approver;
    EngineRest admin;

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        requester = EngineRest.as(port, "requester", "requester");
        approver = EngineRest.as(port, "approver", "approver");
        admin = EngineRest.as(port, "demo", "demo");
    }

    @Test
    void engine_rest_refuses_anonymous_and_wrong_passwords() {
        assertThat(EngineRest.as(port, "", "").get("/process-definition").getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> wrong = EngineRest.as(port, "nobodyknown", "not-the-password").get("/process-definition");
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(requester.get("/process-definition?key=account-disable").getBody()).contains("account-disable");
    }

    @Test
    void a_requesters_disable_approved_by_an_approver_leaves_the_account_inactive() {
        String accountId = simulator.activeManagedAccount();

        ResponseEntity<Map<String, Object>> started = requester.start("account-disable",
                Map.of("accountId", accountId, "reason", "Left the company", "reasonCode", "TERMINATION"));
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        String instanceId = (String) started.getBody().get("id");

        // Planning reads the account from the simulator in a job of its own; then the approval waits.
        await().atMost(Duration.ofSeconds(30)).until(() -> !approver.tasks(instanceId).isEmpty());
        List<Map<String, Object>> tasks = approver.tasks(instanceId);
        assertThat(tasks).singleElement().satisfies(task -> assertThat(task.get("taskDefinitionKey")).isEqualTo("approve"));
        String taskId = (String) tasks.get(0).get("id");
        assertThat((String) admin.historicVariable(instanceId, "planText")).contains("User management — deactivate");

        ResponseEntity<String> ownApproval = requester.complete(taskId, Map.of("approved", true));
        assertThat(ownApproval.getStatusCode().value()).isEqualTo(403);
        assertThat(requester.claim(taskId, "requester").getStatusCode().value()).isEqualTo(403);
        assertThat(approver.tasks(instanceId)).hasSize(1);
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active");

        assertThat(approver.complete(taskId, Map.of("approved", true, "comment", "HR ticket 4711")).getStatusCode().value())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.historicInstance(instanceId)).containsEntry("state", "COMPLETED"));
        assertThat(admin.historicVariable(instanceId, "outcome")).isEqualTo("completed");
        assertThat(admin.historicVariable(instanceId, "requester")).isEqualTo("requester");
        assertThat(admin.historicVariable(instanceId, "approver")).isEqualTo("approver");
        assertThat(requester.historicInstance(instanceId)).as("requesters read their own requests")
                .containsEntry("state", "COMPLETED");
        assertThat(simulator.calls(accountId)).extractingByKey("countsByAccount").asString()
                .contains("userManagement.disable=1");
    }

    @Test
    void a_request_with_bad_variables_ends_invalid_and_creates_no_task() {
        ResponseEntity<Map<String, Object>> started = requester.start("account-disable",
                Map.of("accountId", "not an id!", "reason", "typo"));
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        String instanceId = (String) started.getBody().get("id");
        assertThat(started.getBody()).containsEntry("ended", true);
        assertThat(approver.tasks(instanceId)).isEmpty();
        assertThat(admin.historicVariable(instanceId, "outcome")).isEqualTo("invalid");
    }
}
