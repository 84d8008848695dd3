package io.github.atlassianlifecycle.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.api.request.RequestApiIT.Answer;
import io.github.atlassianlifecycle.api.request.RequestApiIT.Api;
import io.github.atlassianlifecycle.support.DemoAppTest;

/**
 * Bad input gets a clear error and changes nothing: each malformed submission is a 4xx problem detail naming what is
 * wrong, and neither a process instance (runtime or history) nor a row of {@code lifecycle_request} appears.
 */
@DemoAppTest
class MalformedRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = MediaType.APPLICATION_JSON_VALUE;
    private static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";
    private static final String EMAIL = "new.person@demo.example";
    /** Which status each case got, printed at the end for the record. */
    private static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Api requester;

    @BeforeEach
    void setUp() {
        requester = Api.as(port, "requester", "requester");
    }

    /**
     * One malformed submission.
     *
     * @param field the field the problem must name in {@code errors[]}; null when the body is never read (415)
     */
    record Case(String name, String contentType, String body, String idempotencyKey, int status, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> malformed() {
        List<Case> cases = new ArrayList<>();
        // Wrong JSON types, every field.
        cases.add(bad("action is a number", "action", disable("action", 5)));
        cases.add(bad("action is an array", "action", disable("action", List.of("DISABLE"))));
        cases.add(bad("action is an object", "action", disable("action", Map.of("name", "DISABLE"))));
        cases.add(bad("accountId is a number", "accountId", disable("accountId", 12345)));
        cases.add(bad("accountId is a boolean", "accountId", disable("accountId", true)));
        cases.add(bad("accountId is an array", "accountId", disable("accountId", List.of(ACCOUNT))));
        cases.add(bad("email is a number on DISABLE", "email", without(disable("email", 42), "accountId")));
        cases.add(bad("email is an object on ADD", "email", add("email", Map.of("address", EMAIL))));
        cases.add(bad("displayName is a number", "displayName", add("displayName", 7)));
        cases.add(bad("displayName is an array", "displayName", add("displayName", List.of("Ada", "Lovelace"))));
        cases.add(bad("groups is a string", "groups", add("groups", "developers")));
        cases.add(bad("groups is an object", "groups", add("groups", Map.of("jira", "developers"))));
        cases.add(bad("groups holds numbers", "groups", add("groups", List.of(1, 2))));
        cases.add(bad("groups holds a null", "groups", add("groups", nullList())));
        cases.add(bad("groups holds an empty name", "groups", add("groups", List.of("developers", ""))));
        cases.add(bad("reason is a number", "reason", disable("reason", 3.14)));
        cases.add(bad("reason is a boolean", "reason", disable("reason", false)));
        cases.add(bad("reason is an object", "reason", disable("reason", Map.of("text", "Left"))));
        cases.add(bad("reasonCode is a number", "reasonCode", disable("reasonCode", 1)));
        cases.add(bad("reasonCode is unknown", "reasonCode", disable("reasonCode", "FIRED")));
        cases.add(bad("reasonCode is lower-case", "reasonCode", disable("reasonCode", "termination")));

        // Required fields per action.
        cases.add(bad("ADD without email", "email", without(add(), "email")));
        cases.add(bad("ADD without displayName", "displayName", without(add(), "displayName")));
        cases.add(bad("ADD with a blank displayName", "displayName", add("displayName", "   ")));
        cases.add(bad("ADD with only the action", "email", Map.of("action", "ADD")));
        for (String action : List.of("DISABLE", "ENABLE", "DELETE")) {
            cases.add(bad(action + " without accountId or email", "accountId",
                    without(with(disable(), "action", action), "accountId")));
            cases.add(bad(action + " without reason", "reason", without(with(disable(), "action", action), "reason")));
        }
        cases.add(bad("ADD without reason", "reason", without(add(), "reason")));
        cases.add(bad("a blank reason", "reason", disable("reason", " \t ")));
        cases.add(bad("no action", "action", without(disable(), "action")));
        cases.add(bad("a null action", "action", disable("action", null)));

        // Oversized strings and lists.
        cases.add(bad("reason of 2001 characters", "reason", disable("reason", "r".repeat(2001))));
        cases.add(bad("displayName of 256 characters", "displayName", add("displayName", "D".repeat(256))));
        cases.add(bad("email of 255 characters", "email",
                add("email", "a".repeat(255 - "@demo.example".length()) + "@demo.example")));
        cases.add(bad("accountId of 129 characters", "accountId", disable("accountId", "a".repeat(129))));
        cases.add(bad("51 groups", "groups",
                add("groups", IntStream.rangeClosed(1, 51).mapToObj(i -> "group-" + i).toList())));
        cases.add(bad("a group name of 256 characters", "groups", add("groups", List.of("g".repeat(256)))));
        cases.add(bad("a body over 64 KiB", "body", disable("reason", "x".repeat(70_000))));

        // Bad account ids and emails.
        cases.add(bad("accountId with spaces and punctuation", "accountId", disable("accountId", "not an id!")));
        cases.add(bad("accountId with a slash", "accountId", disable("accountId", "abc/def")));
        cases.add(bad("accountId with a path traversal", "accountId", disable("accountId", "../../admin")));
        cases.add(bad("accountId empty", "accountId", disable("accountId", "")));
        cases.add(bad("accountId with a non-ASCII letter", "accountId", disable("accountId", "äccount")));
        cases.add(bad("accountId with a SQL quote", "accountId", disable("accountId", "x' OR '1'='1")));
        for (String email : List.of("no-at-sign.example", "a@b", "two@@example.com", "spaces in@example.com",
                "a@-example.com", "ada@example.", "<ada@example.com>")) {
            cases.add(bad("email '" + email + "'", "email", without(disable("email", email), "accountId")));
        }
        cases.add(bad("a bad email on ADD", "email", add("email", "ada at example.com")));

        // Unknown and lower-case actions.
        cases.add(bad("unknown action SUSPEND", "action", disable("action", "SUSPEND")));
        cases.add(bad("lower-case action", "action", disable("action", "disable")));
        cases.add(bad("mixed-case action", "action", disable("action", "Delete")));
        cases.add(bad("padded action", "action", disable("action", " DISABLE ")));
        cases.add(bad("empty action", "action", disable("action", "")));

        // Unknown fields (the requester is never the client's to say).
        cases.add(bad("a requester field", "requester", disable("requester", "somebody-else")));
        cases.add(bad("an approved field", "approved", disable("approved", true)));
        cases.add(bad("accountID spelled differently", "accountID", without(disable("accountID", ACCOUNT), "accountId")));
        cases.add(bad("a priority field on ADD", "priority", add("priority", "high")));

        // Duplicate fields and JSON syntax errors.
        cases.add(raw("a duplicate action field", "body",
                "{\"action\":\"DISABLE\",\"action\":\"DELETE\",\"accountId\":\"" + ACCOUNT + "\",\"reason\":\"Left\"}"));
        cases.add(raw("a duplicate accountId field", "body",
                "{\"action\":\"DISABLE\",\"accountId\":\"" + ACCOUNT + "\",\"accountId\":\"abc\",\"reason\":\"Left\"}"));
        cases.add(raw("a trailing comma", "body", "{\"action\":\"DISABLE\",\"accountId\":\"" + ACCOUNT + "\",\"reason\":\"Left\",}"));
        cases.add(raw("an unquoted key", "body", "{action:\"DISABLE\",\"accountId\":\"" + ACCOUNT + "\",\"reason\":\"Left\"}"));
        cases.add(raw("single quotes", "body", "{'action':'DISABLE','accountId':'" + ACCOUNT + "','reason':'Left'}"));
        cases.add(raw("a truncated body", "body", "{\"action\":\"DISABLE\",\"accountId\":\"" + ACCOUNT + "\",\"rea"));
        cases.add(raw("a comment", "body",
                "{/* who */\"action\":\"DISABLE\",\"accountId\":\"" + ACCOUNT + "\",\"reason\":\"Left\"}"));
        cases.add(raw("NaN as a value", "body", "{\"action\":\"DISABLE\",\"accountId\":\"" + ACCOUNT + "\",\"reason\":NaN}"));
        cases.add(raw("a raw control character inside a string", "body",
                "{\"action\":\"DISABLE\",\"accountId\":\"" + ACCOUNT + "\",\"reason\":\"Le\u0001ft\"}"));
        cases.add(raw("a valid object followed by another", "body", write(disable()) + " {\"action\":\"DELETE\"}"));
        cases.add(raw("a valid object followed by garbage", "body", write(disable()) + " trailing"));

        // Not an object at all, or nothing.
        cases.add(raw("an array instead of an object", "body", "[" + write(disable()) + "]"));
        cases.add(raw("a string instead of an object", "body", "\"DISABLE " + ACCOUNT + "\""));
        cases.add(raw("a number instead of an object", "body", "42"));
        cases.add(raw("JSON null", "body", "null"));
        cases.add(raw("an empty body", "body", ""));
        cases.add(raw("a blank body", "body", "  \n "));

        // Control characters (escaped, so the JSON itself is fine).
        cases.add(bad("a NUL in the reason", "reason", disable("reason", "Left\u0000the company")));
        cases.add(bad("an escape sequence in the reason", "reason", disable("reason", "Left \u001b[31mnow")));
        cases.add(bad("a bell in the displayName", "displayName", add("displayName", "Ada\u0007 Lovelace")));
        cases.add(bad("a NUL in a group name", "groups", add("groups", List.of("develo\u0000pers"))));
        cases.add(bad("a line break in the accountId", "accountId", disable("accountId", ACCOUNT + "\n")));

        // Fields that do not belong to the action.
        cases.add(bad("accountId on ADD", "accountId", add("accountId", ACCOUNT)));
        cases.add(bad("groups on DISABLE", "groups", disable("groups", List.of("developers"))));
        cases.add(bad("groups on DELETE", "groups", with(disable("groups", List.of("developers")), "action", "DELETE")));

        // Wrong content type: refused before the body is read.
        cases.add(new Case("text/plain", MediaType.TEXT_PLAIN_VALUE, write(disable()), null, 415, null));
        cases.add(new Case("an HTML form", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                "action=DISABLE&accountId=" + ACCOUNT + "&reason=Left", null, 415, null));
        cases.add(new Case("XML", MediaType.APPLICATION_XML_VALUE,
                "<request><action>DISABLE</action><accountId>" + ACCOUNT + "</accountId></request>", null, 415, null));
        cases.add(new Case("multipart", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nDISABLE\r\n--x--\r\n", null, 415, null));

        // Bad Idempotency-Key headers, with a good body.
        cases.add(new Case("an Idempotency-Key of 129 characters", JSON_TYPE, write(disable()), "k".repeat(129), 400,
                "Idempotency-Key"));
        cases.add(new Case("an Idempotency-Key with a space", JSON_TYPE, write(disable()), "hr sync 1", 400,
                "Idempotency-Key"));
        cases.add(new Case("an empty Idempotency-Key", JSON_TYPE, write(disable()), "", 400, "Idempotency-Key"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_submission_is_a_problem_and_starts_nothing(Case bad) {
        long instancesBefore = allProcessInstances();
        long requestsBefore = storedRequests();

        Answer answer = requester.post("/api/requests", bad.contentType(), bad.body(),
                bad.idempotencyKey() == null ? Map.of() : Map.of("Idempotency-Key", bad.idempotencyKey()));
        SEEN.put(bad.name(), answer.status());

        RequestApiIT.assertProblem(answer, bad.status());
        if (bad.field() != null) {
            assertThat(RequestApiIT.fieldsInError(answer)).as(answer.body()).contains(bad.field());
            assertThat(answer.json().path("errors")).allSatisfy(error ->
                    assertThat(error.path("message").asText()).isNotBlank());
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.github");
        assertThat(allProcessInstances()).as("process instances, runtime and history").isEqualTo(instancesBefore);
        assertThat(storedRequests()).as("rows of lifecycle_request").isEqualTo(requestsBefore);
    }

    @Test
    void there_are_at_least_forty_malformed_cases() {
        long count = malformed().count();
        System.out.println("MalformedRequestsIT: " + count + " malformed cases");
        assertThat(count).isGreaterThanOrEqualTo(40);
        assertThat(malformed().map(Case::name).distinct().count()).as("distinct names").isEqualTo(count);
    }

    @AfterAll
    static void printTheStatusesSeen() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        SEEN.values().forEach(status -> byStatus.merge(status, 1L, Long::sum));
        System.out.println("MalformedRequestsIT: " + SEEN.size() + " cases answered, by status " + byStatus);
    }

    // ---------------------------------------------------------------- helpers

    private long allProcessInstances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().count()
                + engine.getRuntimeService().createProcessInstanceQuery().count();
    }

    private long storedRequests() {
        return jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM lifecycle_request", Long.class);
    }

    private static Case bad(String name, String field, Map<String, Object> body) {
        return new Case(name, JSON_TYPE, write(body), null, 400, field);
    }

    private static Case raw(String name, String field, String body) {
        return new Case(name, JSON_TYPE, body, null, 400, field);
    }

    /** A valid DISABLE, so each case breaks exactly one thing. */
    private static Map<String, Object> disable() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "DISABLE");
        body.put("accountId", ACCOUNT);
        body.put("reason", "Left the company");
        body.put("reasonCode", "TERMINATION");
        return body;
    }

    /** A valid ADD. */
    private static Map<String, Object> add() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "ADD");
        body.put("email", EMAIL);
        body.put("displayName", "New Person");
        body.put("groups", List.of("developers"));
        body.put("reason", "Joins engineering");
        return body;
    }

    private static Map<String, Object> disable(String field, Object value) {
        return with(disable(), field, value);
    }

    private static Map<String, Object> add(String field, Object value) {
        return with(add(), field, value);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        body.remove(field);
        return body;
    }

    private static List<Object> nullList() {
        List<Object> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
