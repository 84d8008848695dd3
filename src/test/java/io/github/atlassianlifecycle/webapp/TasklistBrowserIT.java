package io.github.atlassianlifecycle.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanText;
import io.github.atlassianlifecycle.support.Browser;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The approver's side, in a real browser: a requester's disable submitted through the request API shows up in
 * Camunda Tasklist for the approver, the approval form shows the plan, and approving it there disables the account;
 * rejecting it with a comment leaves the account as it was and puts the comment in the request's evidence. The
 * requester, in Tasklist, has nothing to approve; someone who is both requester and approver sees their own request's
 * approval but cannot claim it. Each step's screenshot is kept under {@code target/screenshots/}.
 */
@DemoAppTest
class TasklistBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    SimulatorControl simulator;
    Browser browser;

    @BeforeEach
    void setUp() throws Exception {
        simulator = new SimulatorControl(url("/sim"));
        simulator.reset();
        browser = new Browser();
    }

    @AfterEach
    void tearDown(org.junit.jupiter.api.TestInfo test) throws Exception {
        try {
            browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        } finally {
            browser.close();
        }
    }

    @Test
    void an_approver_approves_a_requesters_disable_in_tasklist_and_the_account_is_disabled() throws Exception {
        String account = simulator.activeManagedAccount();
        String requestId = submitDisable("requester", account);
        EngineRest admin = EngineRest.as(port, "demo", "demo");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(requestId).equals("PENDING_APPROVAL"));

        logIn("approver");
        browser.click(By.partialLinkText("Approve disable"));
        browser.waitUntilTextPresent(By.tagName("body"), "Approve an Atlassian account change");
        browser.click(By.cssSelector("button[ng-click='claim()']"));
        browser.visible(By.cssSelector("textarea[id$='field-plan']"));
        String plan = browser.visible(By.cssSelector("textarea[id$='field-plan']")).getAttribute("value");
        assertThat(plan).contains("User management — deactivate");
        assertThat(browser.visible(By.cssSelector("textarea[id$='field-account']")).getAttribute("value")).contains(account);
        assertThat(browser.visible(By.cssSelector("input[id$='field-requester']")).getAttribute("value"))
                .isEqualTo("requester");
        browser.screenshot("tasklist-approval-form");

        browser.click(By.cssSelector("input[id$='field-approved-0']"));
        browser.type(By.cssSelector("textarea[id$='field-comment']"), "HR ticket 4711");
        browser.click(By.cssSelector("button[ng-click='complete()']"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(simulator.account(account)).containsEntry("accountStatus", "inactive"));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(requestId).equals("COMPLETED"));
        assertThat(admin.historicVariable(processInstance(requestId), "approver")).isEqualTo("approver");
        browser.screenshot("tasklist-after-approval");
    }

    @Test
    void an_approver_rejects_with_a_comment_in_tasklist_and_the_account_is_untouched_with_the_comment_in_the_evidence()
            throws Exception {
        String account = simulator.activeManagedAccount();
        Map<String, Object> before = simulator.account(account);
        String requestId = submitDisable("requester", account);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(requestId).equals("PENDING_APPROVAL"));

        logIn("approver");
        browser.click(By.partialLinkText("Approve disable"));
        browser.waitUntilTextPresent(By.tagName("body"), "Approve an Atlassian account change");
        browser.click(By.cssSelector("button[ng-click='claim()']"));
        assertThat(browser.visible(By.cssSelector("textarea[id$='field-account']")).getAttribute("value")).contains(account);
        browser.click(By.cssSelector("input[id$='field-approved-1']"));
        browser.type(By.cssSelector("textarea[id$='field-comment']"), "Not leaving: HR ticket 4712 was withdrawn");
        browser.screenshot("tasklist-rejection-form");
        browser.click(By.cssSelector("button[ng-click='complete()']"));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(requestId).equals("REJECTED"));
        browser.screenshot("tasklist-after-rejection");
        assertThat(simulator.account(account)).isEqualTo(before);
        Map<String, Object> evidence = api("demo").get().uri("/api/requests/{id}/evidence", requestId).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(evidence.get("approvals")).asList().singleElement().satisfies(approval -> {
            Map<?, ?> decision = (Map<?, ?>) approval;
            assertThat(decision.get("approver")).isEqualTo("approver");
            assertThat(decision.get("approved")).isEqualTo(false);
            assertThat(decision.get("comment")).isEqualTo("Not leaving: HR ticket 4712 was withdrawn");
        });
        assertThat(evidence.get("callResults")).asList().isEmpty();
    }

    @Test
    void someone_both_requester_and_approver_sees_their_own_requests_approval_but_cannot_claim_it() throws Exception {
        String dual = "dual" + Long.toHexString(System.nanoTime());
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(dual);
        user.setFirstName("Dana");
        user.setLastName("Dual");
        user.setPassword(dual);
        identity.saveUser(user);
        identity.createMembership(dual, "lifecycle-requesters");
        identity.createMembership(dual, "lifecycle-approvers");
        String account = simulator.activeManagedAccount();
        String requestId = null;
        try {
            requestId = submitDisable(dual, account);
            String id = requestId;
            await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("PENDING_APPROVAL"));

            String task = engine.getTaskService().createTaskQuery().processInstanceId(processInstance(id)).singleResult()
                    .getId();

            logIn(dual);
            // Straight to this request's task: other tests' approvals may be listed beside it.
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + task));
            browser.waitUntilTextPresent(By.tagName("body"), "Requested by");
            assertThat(browser.visible(By.cssSelector("input[id$='field-requester']")).getAttribute("value"))
                    .isEqualTo(dual);
            browser.click(By.cssSelector("button[ng-click='claim()']"));
            browser.waitUntilTextPresent(By.tagName("body"), "An error happened while claiming the task");
            browser.screenshot("tasklist-own-request-refused");

            assertThat(browser.pageText()).contains("The user with id '" + dual + "' does not have one of the following"
                    + " permissions: 'TASK_WORK' permission on resource '" + task + "'");
            assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
            assertThat(simulator.account(account)).containsEntry("accountStatus", "active");
            assertThat(status(id)).isEqualTo("PENDING_APPROVAL");
        } finally {
            if (requestId != null) {
                engine.getRuntimeService().deleteProcessInstanceIfExists(processInstance(requestId), "test clean-up",
                        false, true, false, false);
            }
            identity.deleteUser(dual);
        }
    }

    @Test
    void a_plan_longer_than_a_string_variable_holds_shows_whole_in_the_approval_form() throws Exception {
        String displayName = "Ada " + "Augusta King Countess of Lovelace ".repeat(7).strip();
        String email = "ada.augusta.king.countess.of.lovelace." + Long.toHexString(System.nanoTime()) + "@demo.example";
        Map<String, Object> answer = api("requester").post().uri("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("action", "ADD", "email", email, "displayName", displayName, "groups", List.of(
                        "jira-software-users", "confluence-users", "engineering", "finance", "sales",
                        "jira:jira-software-users", "jira:developers", "jira:service-desk-agents",
                        "confluence:confluence-users", "confluence:space-editors"),
                        "reason", "Joins every team", "reasonCode", "ACCESS_REQUEST"))
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        String requestId = (String) answer.get("id");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(requestId).equals("PENDING_APPROVAL"));
            Plan plan = PlanJson.read(JSON.writeValueAsString(request(requestId).get("plan")), Plan.class);
            String whole = PlanText.of(plan);
            assertThat(whole.length()).as("longer than a String variable holds").isGreaterThan(4000);

            logIn("approver");
            browser.click(By.partialLinkText("Approve new account"));
            browser.waitUntilTextPresent(By.tagName("body"), "Approve an Atlassian account change");
            browser.click(By.cssSelector("button[ng-click='claim()']"));
            String shown = browser.visible(By.cssSelector("textarea[id$='field-plan']")).getAttribute("value");
            browser.screenshot("tasklist-long-plan");

            assertThat(shown).isEqualTo(whole);
        } finally {
            engine.getRuntimeService().deleteProcessInstanceIfExists(processInstance(requestId), "test clean-up", false,
                    true, false, false);
        }
    }

    @Test
    void the_requester_has_nothing_to_approve_in_tasklist() throws Exception {
        String requestId = submitDisable("requester", simulator.anyAccount(SimulatorControl.managed()
                .and(a -> "active".equals(a.get("accountStatus"))).and(a -> a.get("externalDirectory") == null)
                .and(a -> ((String) a.get("accountId")).contains(":"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(requestId).equals("PENDING_APPROVAL"));

        logIn("requester");
        browser.waitUntilTextPresent(By.tagName("body"), "No task matching filters found.");
        browser.screenshot("tasklist-requester");
        assertThat(browser.pageText()).contains("All tasks 0").doesNotContain("Approve disable");
    }

    private void logIn(String user) {
        browser.open(url("/camunda/app/tasklist/"));
        browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        browser.visible(By.cssSelector("input[ng-model='password']")).sendKeys(user);
        browser.clickable(By.cssSelector("button[type='submit']")).click();
        browser.waitUntilTextPresent(By.tagName("body"), "All tasks");
    }

    private String submitDisable(String requester, String account) {
        Map<String, Object> answer = api(requester).post().uri("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("action", "DISABLE", "accountId", account, "reason", "Left the company",
                        "reasonCode", "TERMINATION"))
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        return (String) answer.get("id");
    }

    private String status(String requestId) {
        return (String) request(requestId).get("status");
    }

    private String processInstance(String requestId) {
        return (String) request(requestId).get("processInstanceId");
    }

    private Map<String, Object> request(String requestId) {
        return api("demo").get().uri("/api/requests/{id}", requestId).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private RestClient api(String user) {
        return RestClient.builder().baseUrl(url("")).defaultHeaders(h -> h.setBasicAuth(user, user)).build();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
