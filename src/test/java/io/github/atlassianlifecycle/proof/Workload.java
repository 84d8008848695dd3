package io.github.atlassianlifecycle.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The requests a proof submits, as HR tooling would: disables of active managed accounts by {@code automation} for
 * {@code TERMINATION} (which {@code approval-routing.dmn} pre-approves), and adds of new people, which no rule
 * pre-approves: {@code approver} approves those through the engine's REST API, as Tasklist would, before the
 * disables are sent.
 */
final class Workload {

    static final String DOMAIN = "demo.example";
    static final String GROUP = "engineering";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final int SENDERS = 4;

    private final List<String> disables;
    private final List<String> adds;

    private Workload(List<String> disables, List<String> adds) {
        this.disables = disables;
        this.adds = adds;
    }

    /** {@code disables} distinct active managed accounts of the simulator, and {@code adds} new addresses. */
    static Workload of(SimulatorControl simulator, String tag, int disables, int adds) {
        List<String> accounts = simulator.accounts().stream()
                .filter(a -> "managed".equals(a.get("claimStatus")) && "active".equals(a.get("accountStatus")))
                .map(a -> (String) a.get("accountId")).limit(disables).toList();
        assertThat(accounts).as("active managed accounts in the simulator").hasSize(disables);
        List<String> emails = IntStream.range(0, adds).mapToObj(i -> "proof-" + tag + "-" + i + "@" + DOMAIN).toList();
        return new Workload(accounts, emails);
    }

    List<String> disables() {
        return disables;
    }

    List<String> adds() {
        return adds;
    }

    int size() {
        return disables.size() + adds.size();
    }

    /**
     * Submits the adds and approves them, then submits the disables; each answer must be 202. Fails at once when an
     * incident appears in {@code records}: an add waiting on one never comes to its approval.
     */
    void submit(ProofRig.Node node, Records records) {
        RestClient automation = client(node, "automation");
        send(adds.stream().map(email -> Map.<String, Object>of("action", "ADD", "email", email,
                "displayName", email.substring(0, email.indexOf('@')), "groups", List.of(GROUP),
                "reason", "Joins the proof", "reasonCode", "ACCESS_REQUEST")).toList(), automation);
        approveAdds(node, records);
        send(disables.stream().map(account -> Map.<String, Object>of("action", "DISABLE", "accountId", account,
                "reason", "Left the company", "reasonCode", "TERMINATION")).toList(), automation);
    }

    private static void send(List<Map<String, Object>> bodies, RestClient automation) {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                answers.add(senders.submit(() -> automation.post().uri("/api/requests")
                        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity()
                        .getStatusCode().value()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(2, TimeUnit.MINUTES)).as("answer to POST /api/requests").isEqualTo(202);
            }
        } catch (Exception e) {
            throw new AssertionError("submitting requests failed", e);
        } finally {
            senders.shutdownNow();
        }
    }

    /** Waits for each add's approval task and completes it as {@code approver}. */
    private void approveAdds(ProofRig.Node node, Records records) {
        if (adds.isEmpty()) {
            return;
        }
        RestClient approver = client(node, "approver");
        List<String> approved = new ArrayList<>();
        await("approval tasks of " + adds.size() + " adds").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    if (records.incidents() > 0) {
                        throw new AssertionError("incidents before the adds' approvals: " + records.incidentMessages());
                    }
                    List<Map<String, Object>> tasks = approver.get().uri(
                            "/engine-rest/task?processDefinitionKey=account-add&taskDefinitionKey=approve&maxResults=1000")
                            .retrieve().body(LIST);
                    for (Map<String, Object> task : tasks == null ? List.<Map<String, Object>>of() : tasks) {
                        String id = (String) task.get("id");
                        if (!approved.contains(id)) {
                            ResponseEntity<Void> done = approver.post().uri("/engine-rest/task/{id}/complete", id)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(Map.of("variables", Map.of("approved", Map.of("value", true),
                                            "comment", Map.of("value", "approved by the proof"))))
                                    .retrieve().toBodilessEntity();
                            assertThat(done.getStatusCode().value()).as("completing approval " + id).isEqualTo(204);
                            approved.add(id);
                        }
                    }
                    return approved.size() >= adds.size();
                });
    }

    static RestClient client(ProofRig.Node node, String user) {
        return RestClient.builder().baseUrl(node.url()).defaultHeaders(h -> h.setBasicAuth(user, user))
                .defaultStatusHandler(HttpStatusCode::isError, (q, r) -> { }).build();
    }

    static Map<String, Object> get(RestClient client, String uri) {
        return client.get().uri(uri).retrieve().body(OBJECT);
    }
}
