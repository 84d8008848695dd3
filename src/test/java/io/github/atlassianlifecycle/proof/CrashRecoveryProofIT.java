package io.github.atlassianlifecycle.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, test 1: pre-approved requests on a real PostgreSQL; the application is SIGKILLed while they run and
 * started again on the same database; every request finishes, Atlassian saw each change exactly once, no incident.
 * The recovery time is printed: it is bounded by the job lock ({@link NodeSettings#LOCK_MILLIS}) and the restart.
 */
class CrashRecoveryProofIT {

    static final int REQUESTS = Figures.count("proof.crash.requests", 300);
    /** A fifth of the requests are adds of new people, the rest disables. */
    static final int ADDS = REQUESTS / 5;

    @RegisterExtension
    static final ProofRig rig = new ProofRig("crash", REQUESTS + 60);

    @Test
    void a_node_killed_mid_run_and_started_again_finishes_every_request_exactly_once() {
        Instant start = Instant.now();
        Records records = new Records(rig.database(), start);
        ProofRig.Node node = rig.startNode("node-1", NodeSettings.recovering());
        Workload workload = Workload.of(rig.simulator(), "crash", REQUESTS - ADDS, ADDS);
        workload.submit(node, records);

        await("a quarter of the requests finished").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> records.requests() - records.openRequests() >= workload.size() / 4);
        node.process().kill();
        Instant killed = Instant.now();
        int openAtKill = records.openRequests();
        int lockedAtKill = records.lockedJobs();
        assertThat(openAtKill).as("requests still running when the node was killed").isPositive();

        rig.startNode("node-1-restarted", NodeSettings.recovering());
        Instant restarted = Instant.now();
        Instant allFinished = records.awaitAllFinished(Duration.ofMinutes(10));
        Instant firstResumed = records.firstSuccessfulJob("node-1-restarted");

        assertThat(records.statuses()).isEqualTo(Map.of("COMPLETED", workload.size()));
        assertThat(records.incidentMessages()).as("incidents").isEmpty();
        CallLedger ledger = ExactlyOnce.check(rig.simulator(), workload);

        new Figures("crash recovery (issue 11, test 1)")
                .put("requests", workload.size() + " (" + workload.disables().size() + " disables, " + ADDS + " adds)")
                .put("job lock (camunda.bpm.job-execution.lock-time-in-millis)", NodeSettings.LOCK_MILLIS + " ms")
                .put("open when killed", openAtKill)
                .put("jobs locked by the killed node", lockedAtKill)
                .put("restart (kill -> node answering)", Duration.between(killed, restarted))
                .put("kill -> first job resumed", Duration.between(killed, firstResumed))
                .put("kill -> all finished", Duration.between(killed, allFinished))
                .put("whole run", Duration.between(start, allFinished))
                .put("Atlassian calls", ledger.total())
                .put("incidents", records.incidents())
                .print();
    }
}
