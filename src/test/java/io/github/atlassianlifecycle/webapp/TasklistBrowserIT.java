package io.github.atlassianlifecycle.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

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
 * Camunda Tasklist for the approver, the approval form shows the plan, and approving it there disables the account.
 * The requester, in Tasklist, has nothing to approve.
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
        String requestId = submitDisable(account);
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
        String requestId = submitDisable(simulator.anyAccount(SimulatorControl.managed()
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

    private String submitDisable(String account) {
        Map<String, Object> answer = api("requester").post().uri("/api/requests").contentType(MediaType.APPLICATION_JSON)
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
