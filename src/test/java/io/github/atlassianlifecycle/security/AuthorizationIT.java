package io.github.atlassianlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * Who may do what, group by group, through the request API ({@code /api}) and the engine's own REST API
 * ({@code /engine-rest}) alike: anonymous callers, requesters, approvers, security officers, automation, the admin,
 * and a user in no lifecycle group. Every refusal is checked against the state it protects (the task still open and
 * unassigned, no process started, no request stored).
 *
 * <p>Accounts: the last eight active, managed, directory-free accounts of the simulator (counted from the end, so
 * tests that take the first such account do not collide); every process a test starts is removed afterwards so
 * the accounts are free again.
 */
@DemoAppTest
class AuthorizationIT {

    static final String REQUESTERS = "lifecycle-requesters";
    static final String APPROVERS = "lifecycle-approvers";
    static final String SECURITY = "lifecycle-security";
    /** A second requester, so "another requester's request" is a real one. */
    static final String OTHER_REQUESTER = "authitRequester2";
    /** An approver who is also a security officer: four eyes must still stop them at the second approval. */
    static final String DUAL = "authitDual";
    /** Signed in, but in no lifecycle group. (User ids: letters and digits only, Camunda's default rule.) */
    static final String OUTSIDER = "authitOutsider";
    /** Only ever used with a wrong password (Camunda locks a user for a while after one). */
    static final String LOCKABLE = "authitLockable";
    static final String PASSWORD = "authit-Passw0rd";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    SimulatorControl simulator;
    Http anonymous;
    Http requester;
    Http otherRequester;
    Http approver;
    Http security;
    Http automation;
    Http admin;
    Http dual;
    Http outsider;
    final List<String> startedInstances = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        ensureUser(OTHER_REQUESTER, REQUESTERS);
        ensureUser(DUAL, APPROVERS, SECURITY);
        ensureUser(OUTSIDER);
        ensureUser(LOCKABLE, REQUESTERS);
        anonymous = new Http(port, null, null);
        requester = new Http(port, "requester", "requester");
        otherRequester = new Http(port, OTHER_REQUESTER, PASSWORD);
        approver = new Http(port, "approver", "approver");
        security = new Http(port, "security", "security");
        automation = new Http(port, "automation", "automation");
        admin = new Http(port, "demo", "demo");
        dual = new Http(port, DUAL, PASSWORD);
        outsider = new Http(port, OUTSIDER, PASSWORD);
    }

    /** Ends what the test left open, so its accounts are free for the next request (the store closes them). */
    @AfterEach
    void removeOpenProcesses() {
        RuntimeService runtime = engine.getRuntimeService();
        for (String id : startedInstances) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                    runtime.deleteProcessInstance(id, "test cleanup");
                }
                return true;
            });
        }
    }

    // ---- anonymous and bad credentials ----

    @Test
    void anonymous_callers_are_challenged_everywhere_but_health() {
        for (String path : List.of("/api/requests", "/engine-rest/process-definition", "/v3/api-docs",
                "/actuator/metrics", "/engine-rest/task", "/api/requests/00000000-0000-0000-0000-000000000000")) {
            Answer answer = anonymous.get(path);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
        }
        Answer health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void an_anonymous_submission_is_refused_and_stores_nothing() {
        String account = account(0);
        long before = requestRows(account);

        Answer answer = anonymous.post("/api/requests", disable(account, "OTHER"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(requestRows(account)).isEqualTo(before);
        assertThat(anonymous.post("/engine-rest/process-definition/key/account-disable/start",
                Map.of("variables", Map.of())).status()).isEqualTo(401);
    }

    @Test
    void unknown_users_and_wrong_passwords_are_refused_alike() {
        Http unknown = new Http(port, "authitNobody", "whatever");
        Http wrongPassword = new Http(port, LOCKABLE, "not-the-password");
        for (Http caller : List.of(unknown, wrongPassword)) {
            for (String path : List.of("/api/requests", "/engine-rest/process-definition")) {
                Answer answer = caller.get(path);
                assertThat(answer.status()).as(path).isEqualTo(401);
                assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
                assertThat(answer.body()).as("no hint which part was wrong").doesNotContain("password is")
                        .doesNotContain("locked").doesNotContain("not exist");
            }
        }
    }

    // ---- requesters ----

    @Test
    void a_requester_follows_their_own_request_but_not_another_requesters() {
        Map<String, Object> own = submitted(requester, disable(account(0), "OTHER"));
        Map<String, Object> others = submitted(otherRequester, disable(account(1), "OTHER"));
        String ownId = (String) own.get("id");
        String ownInstance = (String) own.get("processInstanceId");
        String othersId = (String) others.get("id");
        String othersInstance = (String) others.get("processInstanceId");

        // Through the request API: their own by id and in the list; the other one is unknown to them.
        assertThat(requester.get("/api/requests/" + ownId).json()).containsEntry("requester", "requester");
        assertThat(requester.get("/api/requests/" + othersId).status()).isEqualTo(404);
        assertThat(ids(requester.get("/api/requests?size=100"))).contains(ownId).doesNotContain(othersId);
        assertThat(otherRequester.get("/api/requests/" + ownId).status()).isEqualTo(404);
        assertThat(otherRequester.get("/api/requests/" + ownId + "/evidence").status()).isEqualTo(404);

        // Through the engine: the same line, drawn by the engine's authorizations.
        assertThat(requester.get("/engine-rest/process-instance?processInstanceIds=" + ownInstance).list())
                .singleElement().satisfies(pi -> assertThat(pi).containsEntry("id", ownInstance));
        assertThat(requester.get("/engine-rest/process-instance?processInstanceIds=" + othersInstance).list()).isEmpty();
        // Single reads: "does not exist" (404) for the instance itself, 403 for what hangs off it; no deleting it.
        assertThat(requester.get("/engine-rest/process-instance/" + othersInstance).status()).isEqualTo(404);
        assertThat(requester.get("/engine-rest/history/process-instance/" + othersInstance).status()).isEqualTo(404);
        assertThat(requester.get("/engine-rest/process-instance/" + othersInstance + "/variables").status())
                .isEqualTo(403);
        assertThat(requester.get("/engine-rest/process-instance/" + othersInstance + "/activity-instances").status())
                .isEqualTo(403);
        assertThat(requester.delete("/engine-rest/process-instance/" + othersInstance).status()).isEqualTo(403);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(othersInstance).count())
                .isEqualTo(1);
        assertThat(requester.get("/engine-rest/process-instance/" + ownInstance + "/variables").json())
                .containsKey("accountId");
        assertThat(requester.get("/engine-rest/history/process-instance?processInstanceId=" + ownInstance).list())
                .hasSize(1);
        assertThat(requester.get("/engine-rest/history/process-instance?processInstanceId=" + othersInstance).list())
                .isEmpty();
        assertThat(requester.get("/engine-rest/history/variable-instance?processInstanceId=" + othersInstance).list())
                .as("no variable of another requester's request leaks").isEmpty();
        assertThat(requester.get("/engine-rest/history/variable-instance?processInstanceId=" + ownInstance).list())
                .isNotEmpty();
        assertThat(otherRequester.get("/engine-rest/process-instance?processInstanceIds=" + ownInstance).list())
                .isEmpty();
    }

    @Test
    void a_requester_can_neither_see_nor_work_the_approval_of_their_own_request() {
        Map<String, Object> request = submitted(requester, disable(account(2), "OTHER"));
        String instance = (String) request.get("processInstanceId");
        String taskId = approvalTask(approver, instance, "approve");

        assertThat(requester.get("/engine-rest/task?processInstanceId=" + instance).list()).isEmpty();
        assertThat(requester.get("/engine-rest/task/" + taskId).status()).isIn(403, 404);
        assertThat(requester.post("/engine-rest/task/" + taskId + "/complete",
                completion(true, "my own approval")).status()).isEqualTo(403);
        assertThat(requester.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "requester")).status())
                .isEqualTo(403);
        assertThat(requester.post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "requester")).status())
                .isEqualTo(403);
        assertThat(requester.post("/engine-rest/task/" + taskId + "/delegate", Map.of("userId", "requester")).status())
                .isEqualTo(403);

        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("the approval is still open").isNotNull();
        assertThat(task.getAssignee()).as("and nobody was made its assignee").isNull();
        assertThat(requester.get("/api/requests/" + request.get("id")).json())
                .containsEntry("status", "PENDING_APPROVAL");
        assertThat(simulator.account(account(2))).containsEntry("accountStatus", "active");
    }

    @Test
    void a_requester_gets_none_of_cockpits_data() {
        Map<String, Object> request = submitted(requester, disable(account(2), "OTHER"));
        approvalTask(approver, (String) request.get("processInstanceId"), "approve");
        Map<String, Object> others = submitted(otherRequester, disable(account(1), "OTHER"));
        String othersInstance = (String) others.get("processInstanceId");
        approvalTask(approver, othersInstance, "approve");

        assertThat(requester.get("/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application"
                + "&resourceType=0&resourceId=cockpit").json()).as("no Cockpit").containsEntry("authorized", false);
        assertThat(requester.get("/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application"
                + "&resourceType=0&resourceId=tasklist").json()).as("but Tasklist").containsEntry("authorized", true);
        assertThat(requester.get("/engine-rest/job?processInstanceId=" + othersInstance).list()).isEmpty();
        assertThat(requester.get("/engine-rest/incident?processInstanceId=" + othersInstance).list()).isEmpty();

        // The engine answers queries with what the caller may read: their own instances' jobs and incidents at
        // most, no deployments, no other users, no grants but their own.
        assertThat(requester.get("/engine-rest/incident").list())
                .allSatisfy(incident -> assertThat(startUser(incident.get("processInstanceId"))).isEqualTo("requester"));
        // A timer start event's job belongs to no instance, and Camunda shows it to anyone who may query jobs: the
        // nightly reconciliation's, which holds a due date and no account's data.
        assertThat(requester.get("/engine-rest/job").list()).filteredOn(job -> job.get("processInstanceId") == null)
                .allSatisfy(job -> assertThat(job.get("processDefinitionKey")).isEqualTo("account-reconcile-nightly"));
        assertThat(requester.get("/engine-rest/job").list()).filteredOn(job -> job.get("processInstanceId") != null)
                .isNotEmpty()
                .allSatisfy(job -> assertThat(startUser(job.get("processInstanceId"))).isEqualTo("requester"));
        assertThat(admin.get("/engine-rest/job").list()).as("while there are others' jobs")
                .filteredOn(job -> job.get("processInstanceId") != null)
                .anySatisfy(job -> assertThat(startUser(job.get("processInstanceId"))).isNotEqualTo("requester"));
        assertThat(requester.get("/engine-rest/deployment").list()).isEmpty();
        assertThat(requester.get("/engine-rest/user").list())
                .allSatisfy(user -> assertThat(user).containsEntry("id", "requester"));
        assertThat(requester.get("/engine-rest/authorization").list())
                .allSatisfy(grant -> assertThat(grant.get("userId")).isEqualTo("requester"));
        assertThat(requester.get("/engine-rest/history/process-instance?processDefinitionKey=account-disable").list())
                .allSatisfy(pi -> assertThat(pi).containsEntry("startUserId", "requester"));
        assertThat(requester.get("/engine-rest/process-instance").list())
                .allSatisfy(pi -> assertThat(startUser(pi.get("id"))).isEqualTo("requester"));
    }

    // ---- approvers and security officers ----

    @Test
    void an_approver_sees_reads_and_completes_the_approval_but_submits_nothing() {
        String account = account(3);
        Map<String, Object> request = submitted(requester, disable(account, "LEAVE"));
        String id = (String) request.get("id");
        String instance = (String) request.get("processInstanceId");
        String taskId = approvalTask(approver, instance, "approve");

        Answer form = approver.get("/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("approved");
        Answer variables = approver.get("/engine-rest/task/" + taskId + "/form-variables");
        assertThat(variables.status()).isEqualTo(200);
        assertThat(variables.json()).containsKey("planText");

        assertThat(approver.get("/api/requests/" + id).json()).containsEntry("requester", "requester");
        assertThat(ids(approver.get("/api/requests?size=100&accountId=" + account))).contains(id);

        long rows = requestRows(account(4));
        Answer ownSubmission = approver.post("/api/requests", disable(account(4), "OTHER"));
        assertThat(ownSubmission.status()).isEqualTo(403);
        assertThat(ownSubmission.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ownSubmission.json()).containsEntry("status", 403);
        assertThat(requestRows(account(4))).as("nothing stored").isEqualTo(rows);
        assertThat(approver.post("/engine-rest/process-definition/key/account-disable/start",
                Map.of("variables", Map.of("accountId", typed(account(4)), "reason", typed("no"))))
                .status()).as("nor started through the engine").isEqualTo(403);

        assertThat(approver.post("/engine-rest/task/" + taskId + "/complete", completion(true, "HR ticket 17"))
                .status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(requester.get("/api/requests/" + id).json()).containsEntry("status", "COMPLETED"));
        assertThat(simulator.account(account)).containsEntry("accountStatus", "inactive");
        assertThat(approvals(requester.get("/api/requests/" + id))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("approver", "approver").containsEntry("approved", true));
    }

    @Test
    void a_delete_needs_an_approver_and_then_a_security_officer_and_the_first_approver_cannot_give_the_second() {
        String account = account(4);
        Map<String, Object> request = submitted(requester, delete(account, "OTHER"));
        String id = (String) request.get("id");
        String instance = (String) request.get("processInstanceId");
        String first = approvalTask(approver, instance, "approve");
        assertThat(security.get("/engine-rest/task?processInstanceId=" + instance).list())
                .as("the first approval is not the security officer's").isEmpty();

        assertThat(approver.post("/engine-rest/task/" + first + "/complete", completion(true, "ticket 9"))
                .status()).isEqualTo(204);
        String second = approvalTask(security, instance, "approve-second");

        assertThat(approver.post("/engine-rest/task/" + second + "/complete", completion(true, "me again"))
                .status()).isEqualTo(403);
        assertThat(approver.post("/engine-rest/task/" + second + "/claim", Map.of("userId", "approver")).status())
                .isEqualTo(403);
        assertThat(requester.post("/engine-rest/task/" + second + "/complete", completion(true, "me")).status())
                .isEqualTo(403);
        Task open = engine.getTaskService().createTaskQuery().taskId(second).singleResult();
        assertThat(open).isNotNull();
        assertThat(open.getAssignee()).isNull();
        assertThat(simulator.account(account)).containsEntry("accountStatus", "active");

        assertThat(security.post("/engine-rest/task/" + second + "/complete", completion(true, "confirmed"))
                .status()).isEqualTo(204);

        // A delete disables at once, then waits out its grace period.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(requester.get("/api/requests/" + id).json()).containsEntry("status", "WAITING_GRACE_PERIOD"));
        assertThat(simulator.account(account)).containsEntry("accountStatus", "inactive");
        assertThat(approvals(admin.get("/api/requests/" + id))).extracting(a -> a.get("approver"))
                .containsExactly("approver", "security");
    }

    @Test
    void someone_who_is_approver_and_security_officer_still_cannot_give_both_approvals() {
        Map<String, Object> request = submitted(requester, delete(account(5), "OTHER"));
        String instance = (String) request.get("processInstanceId");
        String first = approvalTask(dual, instance, "approve");
        assertThat(dual.post("/engine-rest/task/" + first + "/complete", completion(true, "first")).status())
                .isEqualTo(204);
        String second = approvalTask(security, instance, "approve-second");

        assertThat(dual.get("/engine-rest/task?processInstanceId=" + instance).list())
                .as("as a security officer they see it").singleElement()
                .satisfies(task -> assertThat(task).containsEntry("id", second));
        assertThat(dual.post("/engine-rest/task/" + second + "/claim", Map.of("userId", DUAL)).status()).isEqualTo(403);
        assertThat(dual.post("/engine-rest/task/" + second + "/assignee", Map.of("userId", DUAL)).status())
                .isEqualTo(403);
        assertThat(dual.post("/engine-rest/task/" + second + "/complete", completion(true, "second")).status())
                .isEqualTo(403);

        Task open = engine.getTaskService().createTaskQuery().taskId(second).singleResult();
        assertThat(open).isNotNull();
        assertThat(open.getAssignee()).isNull();
        assertThat(simulator.account(account(5))).containsEntry("accountStatus", "active");
    }

    // ---- automation ----

    @Test
    void automation_disables_for_a_termination_at_once_by_policy() {
        String account = account(6);
        Map<String, Object> request = submitted(automation, disable(account, "TERMINATION"));
        String id = (String) request.get("id");
        String instance = (String) request.get("processInstanceId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(automation.get("/api/requests/" + id).json()).containsEntry("status", "COMPLETED"));
        assertThat(simulator.account(account)).containsEntry("accountStatus", "inactive");
        assertThat(admin.get("/engine-rest/history/task?processInstanceId=" + instance).list())
                .as("no approval task was ever created").isEmpty();
        assertThat(approvals(automation.get("/api/requests/" + id))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("approver", "policy").containsEntry("approved", true));
        assertThat(automation.get("/engine-rest/history/process-instance/" + instance).json())
                .containsEntry("state", "COMPLETED");
    }

    @Test
    void a_delete_by_automation_for_a_termination_still_waits_for_approval() {
        String account = account(7);
        Map<String, Object> request = submitted(automation, delete(account, "TERMINATION"));
        String id = (String) request.get("id");

        approvalTask(approver, (String) request.get("processInstanceId"), "approve");

        assertThat(automation.get("/api/requests/" + id).json()).containsEntry("status", "PENDING_APPROVAL");
        assertThat(approvals(automation.get("/api/requests/" + id))).isEmpty();
        assertThat(simulator.account(account)).containsEntry("accountStatus", "active");
    }

    // ---- the admin ----

    @Test
    void the_admin_reads_everything_and_withdraws_other_peoples_requests() {
        Map<String, Object> own = submitted(requester, disable(account(0), "OTHER"));
        Map<String, Object> others = submitted(otherRequester, disable(account(1), "OTHER"));
        String othersId = (String) others.get("id");
        String othersInstance = (String) others.get("processInstanceId");
        approvalTask(approver, othersInstance, "approve");

        assertThat(ids(admin.get("/api/requests?size=100"))).contains((String) own.get("id"), othersId);
        assertThat(admin.get("/api/requests/" + othersId + "/evidence").json()).containsEntry("requester", OTHER_REQUESTER);
        assertThat(admin.get("/engine-rest/incident").status()).isEqualTo(200);
        assertThat(admin.get("/engine-rest/history/process-instance?processInstanceId=" + othersInstance).list())
                .hasSize(1);
        assertThat(admin.get("/engine-rest/process-instance?processInstanceIds=" + othersInstance).list()).hasSize(1);

        // Only the requester or an admin withdraws: another requester does not even see it, an approver may not.
        assertThat(requester.post("/api/requests/" + othersId + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(approver.post("/api/requests/" + othersId + "/cancel", Map.of()).status()).isEqualTo(403);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(othersInstance).count())
                .isEqualTo(1);

        Answer cancelled = admin.post("/api/requests/" + othersId + "/cancel", Map.of());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("status", "CANCELLED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(othersInstance).count())
                .isZero();
        assertThat(otherRequester.get("/api/requests/" + othersId).json()).containsEntry("status", "CANCELLED");
    }

    // ---- a user in no lifecycle group ----

    @Test
    void someone_in_no_lifecycle_group_can_do_nothing() {
        Map<String, Object> others = submitted(requester, disable(account(0), "OTHER"));
        String instance = (String) others.get("processInstanceId");
        approvalTask(approver, instance, "approve");

        long rows = requestRows(account(1));
        Answer submit = outsider.post("/api/requests", disable(account(1), "OTHER"));
        assertThat(submit.status()).isEqualTo(403);
        assertThat(submit.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(requestRows(account(1))).isEqualTo(rows);

        assertThat(outsider.get("/api/requests?size=100").json()).extracting("items").asList().isEmpty();
        assertThat(outsider.get("/api/requests/" + others.get("id")).status()).isEqualTo(404);
        assertThat(outsider.post("/api/requests/" + others.get("id") + "/cancel", Map.of()).status()).isEqualTo(404);

        // The engine does not even admit the definition exists to someone who may not read it.
        Answer start = outsider.post("/engine-rest/process-definition/key/account-disable/start",
                Map.of("variables", Map.of("accountId", typed(account(1)), "reason", typed("try"))));
        assertThat(start.status()).isEqualTo(404);
        assertThat(outsider.get("/engine-rest/process-definition?key=account-disable").list()).isEmpty();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().startedBy(OUTSIDER).count())
                .as("no process was started").isZero();
        assertThat(outsider.get("/engine-rest/process-instance?processInstanceIds=" + instance).list()).isEmpty();
        assertThat(outsider.get("/engine-rest/task?processInstanceId=" + instance).list()).isEmpty();
        assertThat(outsider.get("/engine-rest/history/process-instance?processInstanceId=" + instance).list()).isEmpty();
    }

    // ---- helpers ----

    /**
     * The n-th account this class uses: active, managed, in no external directory and no admin, counted from the
     * end of the simulator's list (n = 0..7; {@code ConcurrentSubmissionIT} takes the ones after).
     */
    private String account(int n) {
        List<String> candidates = simulator.accounts().stream()
                .filter(a -> "managed".equals(a.get("claimStatus")) && "active".equals(a.get("accountStatus"))
                        && a.get("externalDirectory") == null && ((List<?>) a.get("platformRoles")).isEmpty())
                .map(a -> (String) a.get("accountId")).toList();
        return candidates.get(candidates.size() - 1 - n);
    }

    private static Map<String, Object> disable(String accountId, String reasonCode) {
        return Map.of("action", "DISABLE", "accountId", accountId, "reason", "Authorization test", "reasonCode",
                reasonCode);
    }

    private static Map<String, Object> delete(String accountId, String reasonCode) {
        return Map.of("action", "DELETE", "accountId", accountId, "reason", "Authorization test", "reasonCode",
                reasonCode);
    }

    private static Map<String, Object> completion(boolean approved, String comment) {
        return Map.of("variables", Map.of("approved", Map.of("value", approved, "type", "Boolean"),
                "comment", typed(comment)));
    }

    private static Map<String, Object> typed(String value) {
        return Map.of("value", value, "type", "String");
    }

    /** Submits through {@code /api/requests}, expects 202, and remembers the process for clean-up. */
    private Map<String, Object> submitted(Http caller, Map<String, Object> body) {
        Answer answer = caller.post("/api/requests", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        Map<String, Object> request = answer.json();
        assertThat(answer.headers().getLocation()).hasToString("/api/requests/" + request.get("id"));
        startedInstances.add((String) request.get("processInstanceId"));
        return request;
    }

    /** Waits until {@code caller} sees the approval task {@code key} of the instance and answers its id. */
    private String approvalTask(Http caller, String instance, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> caller
                .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).list().stream()
                .map(task -> (String) task.get("id")).findFirst().orElse(null), id -> id != null);
    }

    private String startUser(Object processInstanceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId((String) processInstanceId).singleResult().getStartUserId();
    }

    private long requestRows(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_request WHERE account_id = ?", Long.class, account);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Answer page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) page.json().get("items")).stream().map(r -> (String) r.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> approvals(Answer request) {
        Object approvals = request.json().get("approvals");
        return approvals == null ? List.of() : (List<Map<String, Object>>) approvals;
    }

    private void ensureUser(String id, String... groups) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Test");
        user.setEmail(id + "@lifecycle.example");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }

    /** One HTTP answer, whatever its status. */
    record Answer(int status, HttpHeaders headers, String body) {

        private static final ObjectMapper JSON = new ObjectMapper();

        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
            } catch (Exception e) {
                throw new AssertionError("not a JSON object (" + status + "): " + body, e);
            }
        }

        List<Map<String, Object>> list() {
            try {
                return JSON.readValue(body, new TypeReference<List<Map<String, Object>>>() { });
            } catch (Exception e) {
                throw new AssertionError("not a JSON list (" + status + "): " + body, e);
            }
        }
    }

    /** The app over HTTP as one user (HTTP Basic), or anonymously. */
    static final class Http {

        private final RestClient http;

        Http(int port, String user, String password) {
            this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .defaultHeaders(h -> {
                        if (user != null) {
                            h.setBasicAuth(user, password);
                        }
                    })
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                    .build();
        }

        Answer get(String path) {
            return answer(http.get().uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
                    MediaType.ALL).retrieve().toEntity(String.class));
        }

        Answer delete(String path) {
            return answer(http.delete().uri(path).retrieve().toEntity(String.class));
        }

        Answer post(String path, Object body) {
            return answer(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                    .toEntity(String.class));
        }

        private static Answer answer(ResponseEntity<String> entity) {
            return new Answer(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody());
        }
    }
}
