package io.github.atlassianlifecycle.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.api.Problems;

/**
 * Sixteen clients submitting at the same instant, released together by a barrier, each with its own HTTP client:
 * duplicates for one account and action start exactly one process and store exactly one request, the others are
 * told which request is open; retries with one {@code Idempotency-Key} all get the same request; one key with two
 * bodies lets exactly one body through.
 *
 * <p>Accounts: active, managed, directory-free accounts counted from the end of the simulator's list, numbers 8 to
 * 15 ({@code AuthorizationIT} takes 0 to 7); whatever a test leaves running is removed afterwards.
 */
@DemoAppTest
class ConcurrentSubmissionIT {

    static final int THREADS = 16;
    static final int ROUNDS = 5;
    static final String DUPLICATE = Problems.BASE + "duplicate-request";
    static final String KEY_REUSED = Problems.BASE + "idempotency-key-reused";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RequestRepository repository;

    SimulatorControl simulator;
    final List<String> usedAccounts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
    }

    /** Removes what the test left running, so the accounts are free again (the store closes their requests). */
    @AfterEach
    void removeOpenProcesses() {
        RuntimeService runtime = engine.getRuntimeService();
        for (String account : usedAccounts) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                runtime.createProcessInstanceQuery().variableValueEquals("accountId", account).list()
                        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
                return runtime.createProcessInstanceQuery().variableValueEquals("accountId", account).count() == 0;
            });
        }
    }

    @Test
    void sixteen_simultaneous_duplicates_start_exactly_one_process_and_name_it_to_the_others() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String account = account(8 + round);
            long rows = requestRows(account);
            long instances = processInstances(account);

            List<Answer> answers = together(i -> client().submit(disable(account, "Duplicate race"), null));

            report("duplicates, round " + round, answers);
            List<Answer> accepted = answers.stream().filter(a -> a.status() == 202).toList();
            assertThat(accepted).as("round %d: exactly one 202 among %s", round, statuses(answers)).hasSize(1);
            String id = (String) accepted.get(0).json().get("id");
            assertThat(answers).as("round %d: all others 409 naming %s", round, id)
                    .filteredOn(a -> a.status() != 202).hasSize(THREADS - 1).allSatisfy(conflict -> {
                        assertThat(conflict.status()).isEqualTo(409);
                        assertThat(conflict.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                        assertThat(conflict.json()).containsEntry("type", DUPLICATE);
                        assertThat(conflict.json().get("openRequest")).asInstanceOf(InstanceOfAssertFactories.MAP)
                                .containsEntry("id", id);
                    });
            assertThat(processInstances(account)).as("round %d: one process", round).isEqualTo(instances + 1);
            assertThat(requestRows(account)).as("round %d: one stored request", round).isEqualTo(rows + 1);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).count())
                    .as("the process carries the request id as business key").isEqualTo(1);
        }
    }

    @Test
    void sixteen_simultaneous_retries_with_one_idempotency_key_all_get_the_same_request() throws Exception {
        String account = account(13);
        String key = "retry-" + UUID.randomUUID();
        long rows = requestRows(account);
        long instances = processInstances(account);

        List<Answer> answers = together(i -> client().submit(disable(account, "Left the company"), key));

        report("one key, one body", answers);
        assertThat(answers).as("statuses %s", statuses(answers)).allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
        Set<Object> ids = answers.stream().map(a -> a.json().get("id")).collect(Collectors.toSet());
        assertThat(ids).as("one request for all").hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.location()).isEqualTo("/api/requests/" + ids.iterator().next()));
        assertThat(processInstances(account)).isEqualTo(instances + 1);
        assertThat(requestRows(account)).isEqualTo(rows + 1);

        // And a late retry still gets it.
        Answer late = client().submit(disable(account, "Left the company"), key);
        assertThat(late.status()).isEqualTo(202);
        assertThat(late.json().get("id")).isEqualTo(ids.iterator().next());
        assertThat(processInstances(account)).isEqualTo(instances + 1);
    }

    /**
     * Two bodies racing under one key (for two different accounts, so only the key can stop the second): the body
     * that got in first is answered 202 with its one request every time, the other is 422 every time, and no
     * process or request exists for the other account.
     */
    @Test
    void one_idempotency_key_with_two_bodies_lets_exactly_one_body_through() throws Exception {
        String first = account(14);
        String second = account(15);
        String key = "two-bodies-" + UUID.randomUUID();
        long firstInstances = processInstances(first);
        long secondInstances = processInstances(second);
        long firstRows = requestRows(first);
        long secondRows = requestRows(second);

        List<Answer> answers = together(i -> client().submit(disable(i % 2 == 0 ? first : second, "Two bodies"), key));

        report("one key, two bodies", answers);
        Map<String, List<Answer>> byAccount = new TreeMap<>();
        for (int i = 0; i < THREADS; i++) {
            byAccount.computeIfAbsent(i % 2 == 0 ? first : second, a -> new ArrayList<>()).add(answers.get(i));
        }
        String winner = byAccount.get(first).stream().anyMatch(a -> a.status() == 202) ? first : second;
        String loser = winner.equals(first) ? second : first;
        assertThat(byAccount.get(winner)).as("the winning body: %s", statuses(byAccount.get(winner)))
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
        assertThat(byAccount.get(winner).stream().map(a -> a.json().get("id")).distinct()).hasSize(1);
        assertThat(byAccount.get(loser)).as("the other body: %s", statuses(byAccount.get(loser))).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(422);
            assertThat(a.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(a.json()).containsEntry("type", KEY_REUSED);
        });

        long winnerInstancesBefore = winner.equals(first) ? firstInstances : secondInstances;
        long loserInstancesBefore = winner.equals(first) ? secondInstances : firstInstances;
        assertThat(processInstances(winner)).isEqualTo(winnerInstancesBefore + 1);
        assertThat(processInstances(loser)).as("no process for the other body").isEqualTo(loserInstancesBefore);
        assertThat(requestRows(winner)).isEqualTo((winner.equals(first) ? firstRows : secondRows) + 1);
        assertThat(requestRows(loser)).isEqualTo(winner.equals(first) ? secondRows : firstRows);
    }

    /**
     * Across nodes only the database stands between two racing submissions: its unique keys refuse a second open
     * request for an account and action, and a second request under one requester's idempotency key.
     */
    @Test
    void the_store_itself_refuses_a_second_open_request_and_a_reused_idempotency_key() {
        String account = "store-race-" + UUID.randomUUID();
        String key = "store-key-" + UUID.randomUUID();
        try {
            repository.insert(stored(account), key);
            assertThatThrownBy(() -> repository.insert(stored(account), null))
                    .as("same account and action").isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> repository.insert(stored(account + "-other"), key))
                    .as("same requester and key").isInstanceOf(DuplicateKeyException.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_request WHERE account_id LIKE ?",
                    Long.class, account + "%")).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM lifecycle_request WHERE account_id LIKE ?", account + "%");
        }
    }

    private static StoredRequest stored(String account) {
        Instant now = Instant.now();
        return new StoredRequest(UUID.randomUUID().toString(), LifecycleAction.DISABLE, account, null, null, List.of(),
                "store race", "OTHER", "storeRaceRequester", null, null, null, now, now, "hash", null);
    }

    // ---- helpers ----

    /** Runs {@code submission} on {@value #THREADS} threads released at once; the answers in thread order. */
    private List<Answer> together(IntFunction<Answer> submission) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return submission.apply(thread);
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One line per race in the test output: what the sixteen got, and how long the slowest waited. */
    private static void report(String race, List<Answer> answers) {
        System.out.println("ConcurrentSubmissionIT " + race + ": " + statuses(answers));
    }

    /** Status counts and, per status, the slowest answer in milliseconds: {202=1 (340 ms), 409=15 (910 ms)}. */
    private static String statuses(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size() + " ("
                        + e.getValue().stream().mapToLong(Answer::millis).max().orElse(0) + " ms)")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A fresh client per call: nothing shared between the racing threads but the server. */
    private Client client() {
        return new Client(port, "requester", "requester");
    }

    /** Active, managed, directory-free, no admin; the n-th from the end of the simulator's list. */
    private String account(int n) {
        List<String> candidates = simulator.accounts().stream()
                .filter(a -> "managed".equals(a.get("claimStatus")) && "active".equals(a.get("accountStatus"))
                        && a.get("externalDirectory") == null && ((List<?>) a.get("platformRoles")).isEmpty())
                .map(a -> (String) a.get("accountId")).toList();
        String account = candidates.get(candidates.size() - 1 - n);
        usedAccounts.add(account);
        return account;
    }

    private static Map<String, Object> disable(String accountId, String reason) {
        return Map.of("action", "DISABLE", "accountId", accountId, "reason", reason, "reasonCode", "LEAVE");
    }

    private long requestRows(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_request WHERE account_id = ?", Long.class, account);
    }

    /** Every account-disable process ever started for the account, running or ended (the engine, unrestricted). */
    private long processInstances(String account) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("account-disable")
                .variableValueEquals("accountId", account).count();
    }

    record Answer(int status, MediaType contentType, String location, String body, long millis) {

        private static final ObjectMapper JSON = new ObjectMapper();

        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
            } catch (Exception e) {
                throw new AssertionError("not a JSON object (" + status + "): " + body, e);
            }
        }
    }

    static final class Client {

        private final RestClient http;

        Client(int port, String user, String password) {
            http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .defaultHeaders(h -> h.setBasicAuth(user, password))
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                    .build();
        }

        Answer submit(Map<String, Object> body, String idempotencyKey) {
            long start = System.nanoTime();
            ResponseEntity<String> answer = http.post().uri("/api/requests").contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (idempotencyKey != null) {
                            h.set("Idempotency-Key", idempotencyKey);
                        }
                    })
                    .body(body).retrieve().toEntity(String.class);
            return new Answer(answer.getStatusCode().value(), answer.getHeaders().getContentType(),
                    answer.getHeaders().getLocation() == null ? null : answer.getHeaders().getLocation().toString(),
                    answer.getBody(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
