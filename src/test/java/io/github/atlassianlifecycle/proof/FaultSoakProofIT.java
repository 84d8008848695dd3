package io.github.atlassianlifecycle.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, test 3: Atlassian (the simulator, in its own process) answers a share of calls with 5xx, 429 with a
 * Retry-After of 1 to 2 s, and hangs past the client's timeout, all after a latency; every request still completes,
 * each change made once, with no incident. Prints throughput, retries and 429s.
 */
class FaultSoakProofIT {

    static final int REQUESTS = Figures.count("proof.soak.requests", 500);
    static final int ADDS = REQUESTS / 5;
    /**
     * The retry cycle of the Atlassian steps in the soak ({@code atlassian.lifecycle.retry-cycle}): a step's try makes
     * up to five calls (a plan's reading), so at 20 % 5xx and 2 % timeouts a try fails with 1 - 0.78^5 = 0.71. Five
     * tries (the production cycle) leave 0.71^5 = 0.18 of such steps with an incident; thirty leave 0.71^30 = 3.5e-5,
     * which over the soak's some 2,500 steps was one incident in the second of two runs; a hundred (the most the
     * setting allows) leave 0.71^100 = 1e-15.
     */
    static final String RETRY_CYCLE = System.getProperty("proof.soak.retry-cycle", "R100/PT1S");

    @RegisterExtension
    static final ProofRig rig = new ProofRig("soak", REQUESTS + 60);

    @Test
    void with_5xx_429_timeouts_and_latency_every_request_completes_once_without_an_incident() {
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("serverErrorRate", Double.valueOf(System.getProperty("proof.soak.server-error-rate", "0.2")));
        faults.put("tooManyRequestsRate", Double.valueOf(System.getProperty("proof.soak.429-rate", "0.1")));
        faults.put("retryAfterSeconds", 1);
        faults.put("retryAfterMaxSeconds", 2);
        faults.put("timeoutRate", Double.valueOf(System.getProperty("proof.soak.timeout-rate", "0.02")));
        // Longer than the nodes' response timeout (5 s): the client gives up, as on a real hang.
        faults.put("timeoutMs", 8_000);
        faults.put("latencyMs", Integer.getInteger("proof.soak.latency-ms", 200));
        Records records = new Records(rig.database(), Instant.now());
        ProofRig.Node node = rig.startNode("node-1", NodeSettings.recovering(Map.of(
                "atlassian.lifecycle.retry-cycle", RETRY_CYCLE,
                // More job threads: each waits the latency on every call.
                "camunda.bpm.job-execution.max-pool-size", "16",
                "camunda.bpm.job-execution.core-pool-size", "16",
                "spring.datasource.hikari.maximum-pool-size", "40")));
        Workload workload = Workload.of(rig.simulator(), "soak", REQUESTS - ADDS, ADDS);
        rig.simulator().faults(faults);
        Instant start = Instant.now();

        workload.submit(node, records);
        Instant allFinished = records.awaitAllFinished(Duration.ofMinutes(20));
        rig.simulator().faults(Map.of());

        assertThat(records.incidentMessages()).as("incidents").isEmpty();
        assertThat(records.statuses()).isEqualTo(Map.of("COMPLETED", workload.size()));
        CallLedger ledger = ExactlyOnce.check(rig.simulator(), workload);
        Duration run = Duration.between(start, allFinished);

        new Figures("fault soak (issue 11, test 3)")
                .put("requests", workload.size() + " (" + workload.disables().size() + " disables, " + ADDS + " adds)")
                .put("faults", faults)
                .put("retry cycle (atlassian.lifecycle.retry-cycle)", RETRY_CYCLE)
                .put("submitted -> all finished", run)
                .put("throughput", String.format(java.util.Locale.ROOT, "%.2f requests/s",
                        workload.size() * 1000.0 / run.toMillis()))
                .put("Atlassian calls", ledger.total())
                .put("5xx answered", ledger.withStatus(500))
                .put("429s answered", ledger.withStatus(429))
                .put("timeouts (504 after the client gave up)", ledger.withStatus(504))
                .put("failed job attempts (5xx and timeouts retried, 429s re-dued)", records.failedJobAttempts())
                .put("incidents", records.incidents())
                .print();
    }
}
