package io.github.atlassianlifecycle.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;
import io.github.atlassianlifecycle.reconciliation.ReconciliationRepository;
import io.github.atlassianlifecycle.reconciliation.StoredReconciliation;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.LogCapture;
import io.github.atlassianlifecycle.support.NoticeOutbox;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * An inactivity campaign in the demo application, over HTTP as its people use it: automation asks for it, security
 * approves it in the engine, each person gets a notice, one keeps access through the link without a login, the
 * engine's clock is moved past the notice period and everyone else gets a disable request of their own. The
 * reconciliation it is made from is stored directly, with findings for accounts of this class's own, so the drift
 * of the simulated organization (which other classes act on) does not matter.
 */
@DemoAppTest
class CampaignIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Value("${atlassian.inactivity.keep-link-key}")
    String key;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ReconciliationRepository reconciliations;
    @Autowired
    RequestRepository requests;
    @Autowired
    JdbcTemplate jdbc;

    SimulatorControl simulator;
    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
    }

    @AfterEach
    void removeWhatIsStillRunning() {
        ClockUtil.reset();
        for (String id : started) {
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                    engine.getRuntimeService().deleteProcessInstance(id, "test over", true, true);
                }
            });
        }
    }

    @Test
    void one_person_keeps_access_through_the_link_and_the_others_are_disabled_each_by_a_request_of_their_own() {
        List<String> accounts = freeAccounts(3);
        String keeper = accounts.get(1);
        String reconciliation = completedReconciliationOf(accounts);
        String campaign;
        Map<String, String> tokens;
        List<String> logLines;
        try (LogCapture logs = LogCapture.everything().quietConsole()) {
            Answer accepted = as("automation").post("/api/campaigns", "{\"reconciliationId\": \"" + reconciliation + "\"}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            campaign = accepted.json().path("id").asText();
            started.add(processOf(campaign));
            assertThat(accepted.location()).isEqualTo("/api/campaigns/" + campaign);
            assertThat(accepted.json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(accepted.json().path("rows").findValuesAsText("accountId"))
                    .containsExactlyInAnyOrderElementsOf(accounts);

            approve(campaign, "security");
            JsonNode noticed = await().atMost(PATIENCE).until(() -> report(campaign),
                    r -> r.path("status").asText().equals("NOTICE_PERIOD"));
            assertThat(noticed.path("rows").findValuesAsText("notice")).containsOnly("sent");
            tokens = NoticeOutbox.SENT.stream().filter(n -> n.campaignId().equals(campaign)).collect(Collectors
                    .toMap(NotificationChannel.Notice::accountId, n -> n.keepPath().substring("/api/campaigns/keep/".length())));
            assertThat(tokens.keySet()).containsExactlyInAnyOrderElementsOf(accounts);
            Instant endsAt = Instant.parse(noticed.path("noticeEndsAt").asText());

            Api person = new Api(port, null);
            Answer page = person.get("/api/campaigns/keep/" + tokens.get(keeper));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<form method=\"post\">").doesNotContain(tokens.get(keeper));
            assertThat(row(campaign, keeper).path("kept").asBoolean()).as("a GET (a link scanner) keeps nothing")
                    .isFalse();
            Answer kept = person.post("/api/campaigns/keep/" + tokens.get(keeper), null);
            assertThat(kept.status()).isEqualTo(200);
            assertThat(kept.body()).contains("Access kept");
            Answer again = person.post("/api/campaigns/keep/" + tokens.get(keeper), null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("already used");

            passTheNoticePeriod(campaign, endsAt);
            JsonNode done = await().atMost(PATIENCE).until(() -> report(campaign),
                    r -> r.path("status").asText().equals("COMPLETED"));
            for (JsonNode row : done.path("rows")) {
                String account = row.path("accountId").asText();
                assertThat(row.path("noticeSent").asBoolean()).isTrue();
                assertThat(Instant.parse(row.path("noticeSentAt").asText())).isBefore(endsAt);
                if (account.equals(keeper)) {
                    assertThat(row.path("state").asText()).isEqualTo("KEPT");
                    assertThat(row.path("kept").asBoolean()).isTrue();
                    assertThat(Instant.parse(row.path("keptAt").asText())).isBefore(endsAt);
                    assertThat(row.path("disabled").asBoolean()).isFalse();
                    assertThat(row.hasNonNull("disabledAt")).isFalse();
                    assertThat(row.hasNonNull("requestId")).isFalse();
                    assertThat(requests.findOpen(LifecycleAction.DISABLE, account)).isEmpty();
                } else {
                    assertThat(row.path("state").asText()).isEqualTo("DISABLED");
                    assertThat(row.path("kept").asBoolean()).isFalse();
                    assertThat(row.hasNonNull("keptAt")).isFalse();
                    assertThat(row.path("disabled").asBoolean()).isTrue();
                    assertThat(row.hasNonNull("disabledAt")).as("the disable's time").isTrue();
                    StoredRequest request = requests.find(row.path("requestId").asText()).orElseThrow();
                    assertThat(request.action()).isEqualTo(LifecycleAction.DISABLE);
                    assertThat(request.accountId()).isEqualTo(account);
                    assertThat(request.reasonCode()).isEqualTo("INACTIVITY");
                    assertThat(request.requester()).isEqualTo("security");
                    started.add(request.processInstanceId());
                }
            }
            assertThat(person.post("/api/campaigns/keep/" + tokens.get(accounts.get(0)), null).status())
                    .as("a row handed to its disable is over").isEqualTo(409);
            Answer tooLate = as("security").post("/api/campaigns/" + campaign + "/cancel", null);
            assertThat(tooLate.status()).as("its disables have started").isEqualTo(409);
            assertThat(tooLate.json().path("campaignId").asText()).isEqualTo(campaign);
            logLines = logs.lines();
        }
        assertNowhere(List.of(key), logLines, campaign);
        // A link carries its token in its path: no log line at any level shows it (the web frameworks' included).
        assertNowhere(List.copyOf(tokens.values()), logLines, campaign);
    }

    @Test
    void a_forged_link_or_one_signed_for_another_campaign_is_refused_and_changes_nothing() {
        List<String> accounts = freeAccounts(1);
        String campaign = as("automation").post("/api/campaigns", "{\"reconciliationId\": \""
                + completedReconciliationOf(accounts) + "\"}").json().path("id").asText();
        started.add(processOf(campaign));
        approve(campaign, "security");
        JsonNode noticed = await().atMost(PATIENCE).until(() -> report(campaign),
                r -> r.path("status").asText().equals("NOTICE_PERIOD"));
        String token = NoticeOutbox.SENT.stream().filter(n -> n.campaignId().equals(campaign)).findFirst()
                .orElseThrow().keepPath().substring("/api/campaigns/keep/".length());
        Instant endsAt = Instant.parse(noticed.path("noticeEndsAt").asText());
        KeepTokens signer = new KeepTokens(key);
        Api person = new Api(port, null);

        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String refused : List.of(forged, signer.issue(UUID.randomUUID().toString(), accounts.get(0), endsAt),
                signer.issue(campaign, accounts.get(0), endsAt), "not-a-token")) {
            assertThat(person.post("/api/campaigns/keep/" + refused, null).status()).isEqualTo(404);
            assertThat(person.get("/api/campaigns/keep/" + refused).status()).isEqualTo(404);
        }
        assertThat(row(campaign, accounts.get(0)).path("kept").asBoolean()).isFalse();
        assertThat(report(campaign).path("status").asText()).isEqualTo("NOTICE_PERIOD");
    }

    @Test
    void the_person_who_asked_for_a_campaign_cannot_approve_it_and_only_security_automation_and_admins_make_and_read_them() {
        List<String> accounts = freeAccounts(1);
        String reconciliation = completedReconciliationOf(accounts);
        String body = "{\"reconciliationId\": \"" + reconciliation + "\"}";
        assertThat(as("requester").post("/api/campaigns", body).status()).isEqualTo(403);
        assertThat(as("approver").post("/api/campaigns", body).status()).isEqualTo(403);
        assertThat(new Api(port, null).post("/api/campaigns", body).status()).isEqualTo(401);
        assertThat(as("security").post("/api/campaigns", "{\"reconciliationId\": \"" + reconciliation
                + "\", \"noticePeriod\": \"P1D\"}").status()).isEqualTo(400);
        assertThat(as("security").post("/api/campaigns?dryRun=true", body).status()).isEqualTo(400);
        assertThat(as("security").post("/api/campaigns", "{\"reconciliationId\": \"" + UUID.randomUUID() + "\"}")
                .status()).isEqualTo(400);

        Answer accepted = as("security").post("/api/campaigns", body);
        assertThat(accepted.status()).isEqualTo(202);
        String campaign = accepted.json().path("id").asText();
        String instance = processOf(campaign);
        started.add(instance);
        Answer second = as("automation").post("/api/campaigns", body);
        assertThat(second.status()).as("a second campaign of the same reconciliation").isEqualTo(409);
        assertThat(second.json().path("type").asText()).endsWith("campaign-conflict");
        assertThat(second.json().path("campaignId").asText()).isEqualTo(campaign);
        assertThat(second.json().path("detail").asText()).contains(campaign);
        EngineRest security = EngineRest.as(port, "security", "security");
        String task = (String) security.tasks(instance).get(0).get("id");
        ResponseEntity<String> refused = security.complete(task, Map.of("approved", true));
        assertThat(refused.getStatusCode().is2xxSuccessful()).as("four eyes").isFalse();
        assertThat(report(campaign).path("status").asText()).isEqualTo("PENDING_APPROVAL");

        assertThat(as("requester").get("/api/campaigns/" + campaign).status()).isEqualTo(403);
        assertThat(new Api(port, null).get("/api/campaigns/" + campaign).status()).isEqualTo(401);
        assertThat(as("demo").get("/api/campaigns/" + campaign).status()).isEqualTo(200);
        assertThat(as("security").get("/api/campaigns/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void a_person_who_kept_access_is_not_proposed_inactive_by_the_next_reconciliation_until_the_inactivity_period_passes() {
        List<String> accounts = freeAccounts(2, idleFor(Duration.ofDays(100)));
        String keeper = accounts.get(0);
        String other = accounts.get(1);
        String campaign = as("automation").post("/api/campaigns", "{\"reconciliationId\": \""
                + completedReconciliationOf(accounts) + "\"}").json().path("id").asText();
        started.add(processOf(campaign));
        approve(campaign, "security");
        await().atMost(PATIENCE).until(() -> report(campaign), r -> r.path("status").asText().equals("NOTICE_PERIOD"));
        assertThat(new Api(port, null).post("/api/campaigns/keep/" + tokenOf(campaign, keeper), null).status())
                .isEqualTo(200);

        JsonNode next = dryRunReconciliation();
        assertThat(inactive(next)).as("the person kept access just now").doesNotContainKey(keeper)
                .containsKey(other);

        // The keep ages past the inactivity period (90 days in the demo): the account is inactive again, and says why.
        Instant longAgo = Instant.now().minus(Duration.ofDays(95)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.update("UPDATE lifecycle_campaign_row SET kept_at = ? WHERE campaign_id = ? AND account_id = ?",
                java.sql.Timestamp.from(longAgo), campaign, keeper);
        JsonNode later = dryRunReconciliation();
        assertThat(inactive(later)).containsKey(keeper);
        assertThat(inactive(later).get(keeper).path("evidence").findValuesAsText("observed"))
                .contains("kept on " + longAgo + " in campaign " + campaign);
    }

    @Test
    void security_lists_campaigns_and_cancels_one_in_its_notice_period_whose_links_then_answer_campaign_cancelled() {
        List<String> accounts = freeAccounts(2);
        String campaign = as("automation").post("/api/campaigns", "{\"reconciliationId\": \""
                + completedReconciliationOf(accounts) + "\"}").json().path("id").asText();
        String instance = processOf(campaign);
        started.add(instance);
        approve(campaign, "security");
        await().atMost(PATIENCE).until(() -> report(campaign), r -> r.path("status").asText().equals("NOTICE_PERIOD"));
        String token = tokenOf(campaign, accounts.get(0));

        Answer list = as("automation").get("/api/campaigns?page=0&size=100");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("page").asInt()).isZero();
        JsonNode listed = null;
        for (JsonNode item : list.json().path("items")) {
            listed = item.path("id").asText().equals(campaign) ? item : listed;
        }
        assertThat(listed).as("the new campaign is on the first page, newest first").isNotNull();
        assertThat(listed.path("status").asText()).isEqualTo("NOTICE_PERIOD");
        assertThat(listed.path("rows").asInt()).isEqualTo(2);
        assertThat(listed.path("waiting").asInt()).isEqualTo(2);
        assertThat(as("automation").get("/api/campaigns?size=1").json().path("items")).hasSize(1);
        assertThat(as("requester").get("/api/campaigns").status()).isEqualTo(403);
        assertThat(new Api(port, null).get("/api/campaigns").status()).isEqualTo(401);
        assertThat(as("security").get("/api/campaigns?size=0").status()).isEqualTo(400);
        Answer unknown = as("security").get("/api/campaigns?status=CANCELLED");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsText("field")).containsExactly("status");

        assertThat(as("automation").post("/api/campaigns/" + campaign + "/cancel", null).status())
                .as("security only").isEqualTo(403);
        assertThat(as("security").post("/api/campaigns/" + campaign + "/cancel?force=true", null).status())
                .isEqualTo(400);
        assertThat(as("security").post("/api/campaigns/" + UUID.randomUUID() + "/cancel", null).status())
                .isEqualTo(404);
        assertThat(report(campaign).path("status").asText()).as("nothing changed yet").isEqualTo("NOTICE_PERIOD");
        Answer cancelled = as("security").post("/api/campaigns/" + campaign + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancelledBy").asText()).isEqualTo("security");
        assertThat(cancelled.json().path("rows").findValuesAsText("state")).containsOnly("CANCELLED");
        await().atMost(PATIENCE).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance).count() == 0);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("outcome").singleResult().getValue()).isEqualTo("cancelled");

        Api person = new Api(port, null);
        Answer page = person.get("/api/campaigns/keep/" + token);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("Campaign cancelled");
        assertThat(person.post("/api/campaigns/keep/" + token, null).status()).isEqualTo(410);
        assertThat(as("security").post("/api/campaigns/" + campaign + "/cancel", null).status())
                .as("cancelled already").isEqualTo(409);
        for (String account : accounts) {
            assertThat(requests.findOpen(LifecycleAction.DISABLE, account)).isEmpty();
        }
    }

    @Test
    void following_a_keep_link_puts_its_token_in_no_log_line_even_the_web_frameworks_debug_request_logs() {
        List<String> accounts = freeAccounts(1);
        String campaign = as("automation").post("/api/campaigns", "{\"reconciliationId\": \""
                + completedReconciliationOf(accounts) + "\"}").json().path("id").asText();
        started.add(processOf(campaign));
        approve(campaign, "security");
        await().atMost(PATIENCE).until(() -> report(campaign), r -> r.path("status").asText().equals("NOTICE_PERIOD"));
        String token = tokenOf(campaign, accounts.get(0));
        String signature = token.substring(token.indexOf('.') + 1);

        List<String> lines;
        try (LogCapture logs = LogCapture.everything().quietConsole()) {
            Api person = new Api(port, null);
            assertThat(person.get("/api/campaigns/keep/" + token).status()).isEqualTo(200);
            assertThat(person.post("/api/campaigns/keep/" + token, null).status()).isEqualTo(200);
            assertThat(person.post("/api/campaigns/keep/" + token, null).status()).isEqualTo(409);
            lines = logs.lines();
        }
        assertThat(lines).as("the request logs were captured").anyMatch(line -> line.contains("/api/campaigns/keep/"));
        assertThat(lines).filteredOn(line -> line.contains(token) || line.contains(signature))
                .as("log lines that show the token").isEmpty();
        assertThat(row(campaign, accounts.get(0)).path("kept").asBoolean()).isTrue();
    }

    // ---- helpers

    void approve(String campaign, String user) {
        EngineRest approver = EngineRest.as(port, user, user);
        String instance = processOf(campaign);
        await().atMost(PATIENCE).until(() -> !approver.tasks(instance).isEmpty());
        String task = (String) approver.tasks(instance).get(0).get("id");
        ResponseEntity<String> done = approver.complete(task, Map.of("approved", true,
                "comment", "Idle seats: go ahead"));
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
    }

    /** Moves the engine's clock past the notice period and lets the waiting timer, then the disable step, run. */
    void passTheNoticePeriod(String campaign, Instant endsAt) {
        String instance = processOf(campaign);
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(endsAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        ClockUtil.setCurrentTime(java.util.Date.from(endsAt.plusSeconds(60)));
        try {
            runJobsOf(instance);
        } finally {
            ClockUtil.reset();
        }
    }

    void runJobsOf(String instance) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance).list()) {
                engine.getManagementService().executeJob(job.getId());
            }
            return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 0;
        });
    }

    String processOf(String campaign) {
        return await().atMost(PATIENCE).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign).processDefinitionKey(CampaignService.PROCESS_KEY).list()
                .stream().map(p -> p.getId()).findFirst().orElse(null), id -> id != null);
    }

    /** Accounts of this class's own: active, managed, in the org's own directory, with no request on record. */
    List<String> freeAccounts(int count) {
        return freeAccounts(count, account -> true);
    }

    /** Accounts whose every product activity is older than {@code idle}, as the simulator shows them. */
    static java.util.function.Predicate<Map<String, Object>> idleFor(Duration idle) {
        Instant before = Instant.now().minus(idle);
        return account -> {
            Map<?, ?> lastActive = (Map<?, ?>) account.get("lastActive");
            return !lastActive.isEmpty() && lastActive.values().stream()
                    .allMatch(at -> Instant.parse(at.toString()).isBefore(before));
        };
    }

    List<String> freeAccounts(int count, java.util.function.Predicate<Map<String, Object>> also) {
        List<String> candidates = new ArrayList<>(simulator.accounts().stream().filter(SimulatorControl.managed())
                .filter(also)
                .filter(a -> "active".equals(a.get("accountStatus")) && a.get("externalDirectory") == null
                        && ((List<?>) a.get("platformRoles")).isEmpty() && !((List<?>) a.get("jiraGroups")).isEmpty())
                .map(a -> (String) a.get("accountId")).toList());
        Collections.shuffle(candidates);
        List<String> free = candidates.stream().filter(id -> requests.findOpen(LifecycleAction.DISABLE, id).isEmpty())
                .filter(id -> jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_request WHERE account_id = ?",
                        Integer.class, id) == 0)
                .limit(count).toList();
        assertThat(free).as("free accounts in the simulator").hasSize(count);
        return free;
    }

    /** A dry-run reconciliation, completed, that found each account INACTIVE. */
    String completedReconciliationOf(List<String> accounts) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        reconciliations.insert(new StoredReconciliation(id, true, ReconciliationStatus.RUNNING, null, "security", id,
                null, now, now));
        reconciliations.saveFindings(id, accounts.stream().map(account -> new Finding(account,
                (String) simulator.account(account).get("email"), account, FindingKind.INACTIVE,
                ReasonCode.INACTIVITY, "no product activity for 90 days", List.of())).toList());
        reconciliations.status(id, ReconciliationStatus.COMPLETED, null);
        return id;
    }

    String tokenOf(String campaign, String account) {
        return NoticeOutbox.SENT.stream().filter(n -> n.campaignId().equals(campaign) && n.accountId().equals(account))
                .findFirst().orElseThrow().keepPath().substring(CampaignService.KEEP_PATH.length());
    }

    /** A dry-run reconciliation of the simulated organization, through the API, once it has completed. */
    JsonNode dryRunReconciliation() {
        Answer accepted = as("automation").post("/api/reconciliations", "{\"dryRun\": true}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        return await().atMost(PATIENCE).until(() -> as("automation").get("/api/reconciliations/" + id).json(),
                r -> r.path("status").asText().equals("COMPLETED"));
    }

    /** The INACTIVE findings of a reconciliation, by account. */
    static Map<String, JsonNode> inactive(JsonNode reconciliation) {
        Map<String, JsonNode> found = new java.util.HashMap<>();
        reconciliation.path("findings").forEach(finding -> {
            if (finding.path("kind").asText().equals("INACTIVE")) {
                found.put(finding.path("accountId").asText(), finding);
            }
        });
        return found;
    }

    JsonNode report(String campaign) {
        Answer answer = as("security").get("/api/campaigns/" + campaign);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    JsonNode row(String campaign, String account) {
        for (JsonNode row : report(campaign).path("rows")) {
            if (row.path("accountId").asText().equals(account)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + account);
    }

    /** None of the secrets in the log lines given, a variable or the history of any process, or the campaign tables. */
    void assertNowhere(List<String> secrets, List<String> logLines, String campaign) {
        List<String> places = new ArrayList<>();
        logLines.forEach(line -> places.add("log: " + line));
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            jdbc.queryForList("SELECT NAME_, TEXT_, TEXT2_ FROM " + table).forEach(row -> places.add(table + ": " + row));
        }
        jdbc.queryForList("SELECT BYTES_ FROM ACT_GE_BYTEARRAY", byte[].class).forEach(bytes -> places.add(
                "ACT_GE_BYTEARRAY: " + (bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8))));
        jdbc.queryForList("SELECT * FROM lifecycle_campaign_row WHERE campaign_id = ?", campaign)
                .forEach(row -> places.add("lifecycle_campaign_row: " + row));
        jdbc.queryForList("SELECT * FROM lifecycle_campaign WHERE id = ?", campaign)
                .forEach(row -> places.add("lifecycle_campaign: " + row));
        assertThat(places).as("the places looked into").hasSizeGreaterThan(10);
        for (String secret : secrets) {
            assertThat(places).filteredOn(place -> place.contains(secret)).as("where a secret shows").isEmpty();
        }
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

    /** HTTP as a user with their demo password, or anonymous (null); every status is an answer, not an exception. */
    static final class Api {
        private final RestClient http;
        private final String base;

        Api(int port, String user) {
            base = "http://127.0.0.1:" + port;
            http = RestClient.builder().defaultHeaders(headers -> {
                if (user != null) {
                    headers.setBasicAuth(user, user);
                }
            }).defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        }

        Answer get(String path) {
            return answer(http.get().uri(URI.create(base + path)).retrieve().toEntity(String.class));
        }

        Answer post(String path, String body) {
            var call = http.post().uri(URI.create(base + path));
            if (body != null) {
                call = call.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return answer(call.retrieve().toEntity(String.class));
        }

        private static Answer answer(ResponseEntity<String> entity) {
            URI location = entity.getHeaders().getLocation();
            return new Answer(entity.getStatusCode().value(), location == null ? null : location.toString(),
                    entity.getBody());
        }
    }
}
