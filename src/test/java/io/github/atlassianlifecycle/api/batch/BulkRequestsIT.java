package io.github.atlassianlifecycle.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchRepository;
import io.github.atlassianlifecycle.batch.BatchRow;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * Bulk requests through real HTTP against the demo app: a batch is approved once in the engine (four eyes, only
 * documented completion variables), then each approved row is a request of its own; the batch store, the request
 * store and the simulator are the evidence.
 */
@DemoAppTest
class BulkRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "action,accountId,email,reason,reasonCode\n";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    BatchRepository batches;

    @Autowired
    RequestRepository requests;

    @Autowired
    JdbcTemplate jdbc;

    SimulatorControl simulator;
    EngineRest approver;
    /** Batches the running test made: their requests still open afterwards are withdrawn, so no later test meets them. */
    final List<String> made = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        approver = EngineRest.as(port, "approver", "approver");
    }

    @AfterEach
    void withdrawWhatIsStillOpen() {
        for (String id : made) {
            batches.find(id).map(Batch::processInstanceId).ifPresent(this::delete);
            for (BatchRow row : batches.rows(id)) {
                if (row.requestId() != null) {
                    requests.find(row.requestId()).filter(r -> r.finalStatus() == null)
                            .ifPresent(r -> delete(r.processInstanceId()));
                }
            }
        }
    }

    private void delete(String processInstanceId) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> engine.getRuntimeService()
                .deleteProcessInstanceIfExists(processInstanceId, "test clean-up", false, true, false, false));
    }

    // ---------------------------------------------------------------- the must-show

    @Test
    void a_csv_of_a_thousand_rows_with_ten_malformed_ones_completes_every_good_row_and_reports_the_ten_by_line() {
        List<String> active = simulator.accounts().stream().filter(SimulatorControl.managed())
                .filter(a -> "active".equals(a.get("accountStatus")) && a.get("externalDirectory") == null)
                .map(a -> (String) a.get("accountId")).toList();
        assertThat(active).as("active, organization-managed accounts in the simulator").hasSizeGreaterThanOrEqualTo(990);
        // 985 enables of active accounts (each plans nothing to do and ends completed), 5 disables for a termination
        // (automation's are pre-approved: each really deactivates its account), and 10 malformed rows in between.
        List<String> disabled = active.subList(0, 5);
        StringBuilder csv = new StringBuilder(HEADER);
        Map<Integer, String> malformed = Map.of(
                50, "DISMISS,acc-x,,Left,TERMINATION",
                150, "DISABLE,,not-an-email,Left,TERMINATION",
                250, "DISABLE,acc-y,,,TERMINATION",
                350, "DISABLE,acc-z,,Left,FIRED",
                450, "DISABLE,acc-w,,Left",
                550, "DISABLE,acc\"v,,Left,TERMINATION",
                650, "DISABLE,\"acc-u\"x,,Left,TERMINATION",
                750, "DISABLE,acc-t,,Left,TERMINATION,one field too many",
                850, "DISABLE,bad id!,,Left,TERMINATION",
                950, "ENABLE," + active.get(5) + ",,Repeats line 7,OTHER");
        Set<Integer> goodLines = new HashSet<>();
        int next = 5;
        int shown = 5;
        for (int line = 2; line <= 1001; line++) {
            if (malformed.containsKey(line)) {
                csv.append(malformed.get(line)).append('\n');
            } else if (shown > 0) {
                csv.append("DISABLE,").append(disabled.get(5 - shown--)).append(",,Left the company,TERMINATION\n");
                goodLines.add(line);
            } else {
                csv.append("ENABLE,").append(active.get(next++)).append(",,\"Access review, \"\"keep\"\"\",OTHER\r\n");
                goodLines.add(line);
            }
        }
        assertThat(goodLines).hasSize(990);
        long started = System.nanoTime();

        Answer submitted = api("automation").post("/api/requests/bulk", "text/csv", csv.toString());

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        made.add(id);
        assertThat(submitted.headers().getLocation()).hasToString("/api/batches/" + id);
        assertThat(submitted.json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(submitted.json().path("counts").path("PENDING_APPROVAL").asInt()).isEqualTo(990);
        approve(id, Map.of("approved", true, "comment", "Quarterly access review"));

        // Watched in the stores (cheap), then read once through the API.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM lifecycle_batch_row WHERE batch_id = ? AND request_id IS NOT NULL",
                Integer.class, id) == 990);
        long allStarted = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM lifecycle_batch_row r JOIN lifecycle_request q ON q.id = r.request_id"
                        + " WHERE r.batch_id = ? AND q.final_status IS NOT NULL", Integer.class, id) == 990);
        System.out.println("BulkRequestsIT: every row's request started after "
                + Duration.ofNanos(allStarted - started).toSeconds() + " s");
        JsonNode batch = api("automation").get("/api/batches/" + id).json();
        assertThat(batch.path("status").asText()).isEqualTo("COMPLETED");
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("BulkRequestsIT: 1,000 rows submitted, approved and completed in " + seconds + " s");

        assertThat(batch.path("counts").path("COMPLETED").asInt()).isEqualTo(990);
        assertThat(batch.path("counts").path("INVALID").asInt()).isEqualTo(10);
        assertThat(batch.path("counts").size()).as(batch.path("counts").toString()).isEqualTo(2);
        List<JsonNode> rows = list(batch.path("rows"));
        assertThat(rows).hasSize(1000);
        assertThat(rows.stream().filter(row -> row.path("status").asText().equals("INVALID"))
                .map(row -> row.path("line").asInt())).containsExactlyInAnyOrderElementsOf(malformed.keySet());
        assertThat(rows).filteredOn(row -> row.path("status").asText().equals("INVALID"))
                .allSatisfy(row -> assertThat(row.path("error").asText()).isNotBlank());
        assertThat(rows.stream().filter(row -> row.path("line").asInt() == 950).findFirst().orElseThrow()
                .path("error").asText()).contains("duplicate").contains("line 7");
        assertThat(rows).filteredOn(row -> goodLines.contains(row.path("line").asInt())).allSatisfy(row -> {
            assertThat(row.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(requests.find(row.path("requestId").asText())).isPresent();
        });
        for (String account : disabled) {
            assertThat(simulator.account(account).get("accountStatus")).as(account).isEqualTo("inactive");
        }
        String child = rows.get(0).path("requestId").asText();
        JsonNode evidence = api("approver").get("/api/requests/" + child + "/evidence").json();
        assertThat(evidence.path("requester").asText()).isEqualTo("automation");
        assertThat(evidence.path("batch").path("batchId").asText()).isEqualTo(id);
        assertThat(evidence.path("batch").path("approvedBy").asText()).isEqualTo("approver");
        assertThat(evidence.path("batch").path("comment").asText()).isEqualTo("Quarterly access review");
        JsonNode enable = api("approver").get("/api/requests/" + rows.get(10).path("requestId").asText()).json();
        assertThat(enable.path("reason").asText()).as("quoted in the CSV").isEqualTo("Access review, \"keep\"");
    }

    @Test
    void csv_add_rows_with_the_optional_display_name_and_groups_columns_invite_their_people_in_the_simulator() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = List.of("csv-add-1-" + tag + "@demo.example", "csv-add-2-" + tag + "@demo.example");
        String id = submitCsv("automation", HEADER.trim() + ",displayName,groups\n"
                + "ADD,," + emails.get(0) + ",New hire,ACCESS_REQUEST,CSV Person One,jira-software-users\n"
                + "ADD,," + emails.get(1) + ",New hire,ACCESS_REQUEST,\"Person, Two\",jira-software-users;confluence-users\n");
        approve(id, Map.of("approved", true, "comment", "Two new hires"));
        // An ADD has an approver of its own, batch or not.
        JsonNode started = await().atMost(PATIENCE).until(() -> api("automation").get("/api/batches/" + id).json(),
                json -> json.path("rows").findValues("requestId").size() == 2);
        for (String requestId : started.path("rows").findValuesAsText("requestId")) {
            String pid = await().atMost(PATIENCE).until(() -> requests.find(requestId)
                    .map(r -> r.processInstanceId()).orElse(null), java.util.Objects::nonNull);
            String task = await().atMost(PATIENCE).until(() -> approver.tasks(pid).stream()
                    .map(t -> (String) t.get("id")).findFirst().orElse(null), java.util.Objects::nonNull);
            ResponseEntity<String> done = approver.complete(task, Map.of("approved", true, "comment", "Welcome"));
            assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
        }

        await().atMost(PATIENCE).until(() -> simulator.accounts().stream()
                .filter(a -> emails.contains(a.get("email"))).count() == 2);
        JsonNode batch = api("automation").get("/api/batches/" + id).json();
        assertThat(batch.path("rows").findValuesAsText("error")).isEmpty();
        JsonNode request = api("approver").get("/api/requests/" + row(batch, 3).path("requestId").asText()).json();
        assertThat(request.path("displayName").asText()).as("quoted in the CSV").isEqualTo("Person, Two");
        assertThat(request.path("groups").toString()).contains("jira-software-users").contains("confluence-users");

        Answer unknown = api("automation").post("/api/requests/bulk", "text/csv", HEADER.trim() + ",manager\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsText("message").toString()).contains("manager");
    }

    // ---------------------------------------------------------------- approval

    @Test
    void excluded_rows_never_start_and_the_others_follow_their_own_approval_routing() {
        List<String> accounts = activeAccounts(3);
        String id = submitCsv("requester", HEADER + accounts.stream()
                .map(a -> "DISABLE," + a + ",,Left,TERMINATION\n").reduce("", String::concat));

        approve(id, Map.of("approved", true, "excludedLines", "3", "comment", "Not this one"));

        JsonNode batch = await().atMost(PATIENCE).until(() -> api("requester").get("/api/batches/" + id).json(),
                json -> json.path("rows").findValues("requestId").size() == 2);
        assertThat(row(batch, 3).path("status").asText()).isEqualTo("REJECTED");
        assertThat(row(batch, 3).path("error").asText()).contains("excluded by approver");
        assertThat(row(batch, 3).has("requestId")).isFalse();
        assertThat(requests.findOpen(io.github.atlassianlifecycle.lifecycle.LifecycleAction.DISABLE, accounts.get(1)))
                .as("the excluded row's account").isEmpty();
        // the requester is not automation: each started request waits for an approval of its own
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode now = api("requester").get("/api/batches/" + id).json();
            assertThat(row(now, 2).path("status").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(row(now, 4).path("status").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(now.path("status").asText()).isEqualTo("IN_PROGRESS");
        });
    }

    @Test
    void a_rejected_batch_starts_nothing_and_every_row_shows_why() {
        List<String> accounts = activeAccounts(2);
        String id = submitCsv("requester", HEADER + "DISABLE," + accounts.get(0) + ",,Left,TERMINATION\n"
                + "DISABLE," + accounts.get(1) + ",,Left,TERMINATION\n");

        ResponseEntity<String> noComment = approver.complete(task(id), Map.of("approved", false));
        // The engine answers a task listener's refusal as an error with its message (as for every refusal of ours there).
        assertThat(noComment.getStatusCode().isError()).as("a comment is required to reject").isTrue();
        assertThat(noComment.getBody()).contains("A comment is required to reject");
        approve(id, Map.of("approved", false, "comment", "Not during the freeze"));

        JsonNode batch = api("requester").get("/api/batches/" + id).json();
        assertThat(batch.path("status").asText()).isEqualTo("REJECTED");
        assertThat(batch.path("counts").path("REJECTED").asInt()).isEqualTo(2);
        assertThat(list(batch.path("rows"))).allSatisfy(row -> {
            assertThat(row.has("requestId")).isFalse();
            assertThat(row.path("error").asText()).contains("rejected by approver").contains("Not during the freeze");
        });
        for (String account : accounts) {
            assertThat(requests.findOpen(io.github.atlassianlifecycle.lifecycle.LifecycleAction.DISABLE, account))
                    .isEmpty();
        }
    }

    @Test
    void the_submitter_never_approves_their_own_batch_whatever_door_they_use() {
        String account = activeAccounts(1).get(0);
        String id = submitCsv("demo", HEADER + "DISABLE," + account + ",,Left,TERMINATION\n");
        String task = task(id);
        EngineRest demo = EngineRest.as(port, "demo", "demo");

        ResponseEntity<String> completed = demo.complete(task, Map.of("approved", true));
        ResponseEntity<String> claimed = demo.claim(task, "demo");

        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(403);
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(403);
        assertThat(batches.find(id).orElseThrow().decision()).isNull();
        assertThat(api("demo").get("/api/batches/" + id).json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void a_batch_approval_sets_only_its_own_fields_and_excludes_only_lines_of_the_batch() {
        String account = activeAccounts(1).get(0);
        String id = submitCsv("requester", HEADER + "DISABLE," + account + ",,Left,TERMINATION\n");
        String task = task(id);

        ResponseEntity<String> extra = approver.complete(task, Map.of("approved", true, "batchId", "another"));
        ResponseEntity<String> unknownLine = approver.complete(task, Map.of("approved", true, "excludedLines", "7"));
        ResponseEntity<String> notANumber = approver.complete(task, Map.of("approved", true, "excludedLines", "two"));

        // The engine answers a task listener's refusal as an error with its message.
        assertThat(extra.getStatusCode().isError()).as(extra.getBody()).isTrue();
        assertThat(extra.getBody()).contains("may only set", "'batchId'");
        assertThat(unknownLine.getStatusCode().isError()).as(unknownLine.getBody()).isTrue();
        assertThat(unknownLine.getBody()).contains("[7]");
        assertThat(notANumber.getStatusCode().isError()).as(notANumber.getBody()).isTrue();
        assertThat(notANumber.getBody()).contains("'two' is not one");
        assertThat(batches.find(id).orElseThrow().decision()).as("nothing decided").isNull();
        assertThat(batches.rows(id)).allSatisfy(row -> assertThat(row.excluded()).isFalse());
    }

    @Test
    void a_row_whose_account_already_has_an_open_request_shows_why_and_stops_no_other() {
        List<String> accounts = activeAccounts(2);
        Answer single = api("requester").post("/api/requests", "application/json",
                "{\"action\":\"DISABLE\",\"accountId\":\"" + accounts.get(0) + "\",\"reason\":\"Left\"}");
        assertThat(single.status()).as(single.body()).isEqualTo(202);
        String singleId = single.json().path("id").asText();
        String id = submitJson("requester", "[{\"action\":\"DISABLE\",\"accountId\":\"" + accounts.get(0)
                + "\",\"reason\":\"Left\"},{\"action\":\"DISABLE\",\"accountId\":\"" + accounts.get(1)
                + "\",\"reason\":\"Left\",\"reasonCode\":\"TERMINATION\"}]");
        try {
            approve(id, Map.of("approved", true));

            JsonNode batch = await().atMost(PATIENCE).until(() -> api("requester").get("/api/batches/" + id).json(),
                    json -> "FAILED".equals(row(json, 0).path("status").asText()) && row(json, 1).has("requestId"));
            assertThat(batch.path("source").asText()).isEqualTo("JSON");
            assertThat(row(batch, 0).path("error").asText()).contains(singleId).contains("still open");
        } finally {
            requests.find(singleId).ifPresent(r -> delete(r.processInstanceId()));
        }
    }

    // ---------------------------------------------------------------- refusals: nothing stored, nothing started

    @Test
    void atomic_with_one_bad_row_starts_nothing_and_lists_every_bad_row() {
        List<String> accounts = activeAccounts(2);
        long before = batchCount();

        Answer refused = api("requester").post("/api/requests/bulk?atomic=true", "text/csv", HEADER
                + "DISABLE," + accounts.get(0) + ",,Left,TERMINATION\n"
                + "DISABLE," + accounts.get(1) + ",,,TERMINATION\n"
                + "DISABLE," + accounts.get(0) + ",,Again,TERMINATION\n");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("type").asText()).endsWith("#invalid-request");
        assertThat(list(refused.json().path("rows"))).extracting(row -> row.path("line").asInt()).containsExactly(3, 4);
        assertThat(refused.json().path("rows").get(0).path("error").asText()).contains("reason");
        assertThat(refused.json().path("rows").get(1).path("error").asText()).contains("duplicate").contains("line 2");
        assertThat(batchCount()).isEqualTo(before);
        assertThat(requests.findOpen(io.github.atlassianlifecycle.lifecycle.LifecycleAction.DISABLE, accounts.get(0)))
                .isEmpty();
    }

    @Test
    void an_unknown_query_parameter_is_refused_so_a_mistyped_flag_never_makes_a_change() {
        String account = activeAccounts(1).get(0);
        long before = batchCount();
        String body = HEADER + "DISABLE," + account + ",,Left,TERMINATION\n";

        Answer dryRun = api("requester").post("/api/requests/bulk?dryrun=true", "text/csv", body);
        Answer typo = api("requester").post("/api/requests/bulk?atomc=true", "text/csv", body);
        Answer notBoolean = api("requester").post("/api/requests/bulk?atomic=yes", "text/csv", body);

        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(400);
        assertThat(dryRun.json().path("errors").get(0).path("field").asText()).isEqualTo("dryrun");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().path("errors").get(0).path("field").asText()).isEqualTo("atomc");
        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(batchCount()).isEqualTo(before);
        assertThat(api("requester").get("/api/batches?pages=1").status()).isEqualTo(400);
    }

    @Test
    void more_rows_than_the_limit_are_refused_whole() {
        long before = batchCount();
        String csv = HEADER + IntStream.range(0, 5001).mapToObj(i -> "DISABLE,acc-" + i + ",,Left,OTHER\n")
                .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append);

        Answer refused = api("requester").post("/api/requests/bulk", "text/csv", csv);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().path("type").asText()).endsWith("#too-many-rows");
        assertThat(batchCount()).isEqualTo(before);
    }

    @Test
    void a_wrong_header_a_body_of_no_good_rows_and_another_media_type_are_refused() {
        Answer header = api("requester").post("/api/requests/bulk", "text/csv",
                "action,account,email,reason,reasonCode\nDISABLE,acc-1,,Left,OTHER\n");
        Answer noGoodRow = api("requester").post("/api/requests/bulk", "text/csv", HEADER + "DISMISS,a,,b,OTHER\n");
        Answer empty = api("requester").post("/api/requests/bulk", "application/json", "[]");
        Answer text = api("requester").post("/api/requests/bulk", "text/plain", "DISABLE");

        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().path("errors").get(0).path("message").asText())
                .contains("action,accountId,email,reason,reasonCode");
        assertThat(noGoodRow.status()).isEqualTo(400);
        assertThat(noGoodRow.json().path("rows").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void only_those_who_submit_requests_submit_batches_and_only_those_who_may_read_them_see_them() {
        String account = activeAccounts(1).get(0);
        Answer forbidden = api("approver").post("/api/requests/bulk", "text/csv",
                HEADER + "DISABLE," + account + ",,Left,TERMINATION\n");
        assertThat(forbidden.status()).isEqualTo(403);

        String id = submitCsv("requester", HEADER + "DISABLE," + account + ",,Left,TERMINATION\n");
        assertThat(api("automation").get("/api/batches/" + id).status()).as("another requester's").isEqualTo(404);
        assertThat(api("approver").get("/api/batches/" + id).status()).isEqualTo(200);
        assertThat(api("requester").get("/api/batches/not-a-batch").status()).isEqualTo(404);
        JsonNode page = api("requester").get("/api/batches?size=100").json();
        assertThat(page.path("items").findValuesAsText("id")).contains(id);
        assertThat(page.path("items").findValuesAsText("requester")).containsOnly("requester");
        assertThat(api("anonymous").get("/api/batches/" + id).status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- helpers

    private String submitCsv(String user, String csv) {
        return submitted(api(user).post("/api/requests/bulk", "text/csv", csv));
    }

    private String submitJson(String user, String json) {
        return submitted(api(user).post("/api/requests/bulk", "application/json", json));
    }

    private String submitted(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String id = answer.json().path("id").asText();
        made.add(id);
        return id;
    }

    /** The batch's approval task, once its process waits there. */
    private String task(String id) {
        return await().atMost(PATIENCE).until(() -> {
            String pid = batches.find(id).map(Batch::processInstanceId).orElse(null);
            return pid == null ? null : approver.tasks(pid).stream().map(t -> (String) t.get("id")).findFirst()
                    .orElse(null);
        }, taskId -> taskId != null);
    }

    private void approve(String id, Map<String, Object> variables) {
        ResponseEntity<String> completed = approver.complete(task(id), variables);
        assertThat(completed.getStatusCode().is2xxSuccessful()).as(completed.getBody()).isTrue();
    }

    /** Active, organization-managed accounts nobody has a request open for. */
    private List<String> activeAccounts(int count) {
        return simulator.accounts().stream().filter(SimulatorControl.managed())
                .filter(a -> "active".equals(a.get("accountStatus")) && a.get("externalDirectory") == null)
                .map(a -> (String) a.get("accountId"))
                .filter(a -> requests.findOpen(io.github.atlassianlifecycle.lifecycle.LifecycleAction.DISABLE, a).isEmpty())
                .skip(40).limit(count).toList();
    }

    private long batchCount() {
        return batches.search(null, 0, Integer.MAX_VALUE).size();
    }

    private static JsonNode row(JsonNode batch, int line) {
        return list(batch.path("rows")).stream().filter(row -> row.path("line").asInt() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + line + " in " + batch));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private Api api(String user) {
        return new Api(port, "anonymous".equals(user) ? null : user);
    }

    record Answer(int status, org.springframework.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body == null ? "null" : body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** The API over real HTTP as a demo user (password = name), or anonymous; errors are answers too. */
    static final class Api {

        private final RestClient http;
        private final String base;

        Api(int port, String user) {
            this.http = RestClient.builder().defaultHeaders(h -> {
                if (user != null) {
                    h.setBasicAuth(user, user);
                }
            }).defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
            this.base = "http://127.0.0.1:" + port;
        }

        Answer get(String path) {
            ResponseEntity<String> answer = http.get().uri(URI.create(base + path)).retrieve().toEntity(String.class);
            return new Answer(answer.getStatusCode().value(), answer.getHeaders(), answer.getBody());
        }

        Answer post(String path, String contentType, String body) {
            ResponseEntity<String> answer = http.post().uri(URI.create(base + path))
                    .contentType(MediaType.parseMediaType(contentType)).body(body).retrieve().toEntity(String.class);
            return new Answer(answer.getStatusCode().value(), answer.getHeaders(), answer.getBody());
        }
    }
}
