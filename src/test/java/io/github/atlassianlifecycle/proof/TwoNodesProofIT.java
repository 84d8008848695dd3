package io.github.atlassianlifecycle.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, test 2: two application processes on one PostgreSQL (a Camunda cluster, as docker-compose.yml runs it)
 * share the requests, which of them ran each job is in Camunda's job history; one is SIGKILLed mid-run and the
 * other finishes everything, each change made exactly once.
 */
class TwoNodesProofIT {

    static final int REQUESTS = Figures.count("proof.two-nodes.requests", 500);
    static final int ADDS = REQUESTS / 5;

    @RegisterExtension
    static final ProofRig rig = new ProofRig("two-nodes", REQUESTS + 60);

    @Test
    void two_nodes_share_the_work_and_the_survivor_of_a_kill_finishes_it_exactly_once() {
        Instant start = Instant.now();
        Records records = new Records(rig.database(), start);
        // One after the other: the first creates the engine's schema and the demo's people.
        ProofRig.Node survivor = rig.startNode("node-a", NodeSettings.recovering());
        ProofRig.Node victim = rig.startNode("node-b", NodeSettings.recovering());
        Workload workload = Workload.of(rig.simulator(), "two-nodes", REQUESTS - ADDS, ADDS);
        workload.submit(survivor, records);

        // Both nodes at work (a node just started may take a while to acquire its first jobs) and a third done.
        await("both nodes at work, a third of the requests finished").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> records.successfulJobsByNode().keySet().containsAll(java.util.List.of("node-a", "node-b"))
                        && records.requests() - records.openRequests() >= workload.size() / 3);
        victim.process().kill();
        Instant killed = Instant.now();
        // Read once node-b is gone: what it committed until its last instant is in, and nothing more can come.
        Map<String, Integer> jobsBeforeKill = records.successfulJobsByNode();
        int openAtKill = records.openRequests();
        assertThat(openAtKill).as("requests still running when node-b was killed").isPositive();
        assertThat(jobsBeforeKill).as("jobs each node ran before the kill").containsKeys("node-a", "node-b")
                .allSatisfy((node, jobs) -> assertThat(jobs).isPositive());

        Instant allFinished = records.awaitAllFinished(Duration.ofMinutes(10));

        assertThat(records.statuses()).isEqualTo(Map.of("COMPLETED", workload.size()));
        assertThat(records.incidentMessages()).as("incidents").isEmpty();
        CallLedger ledger = ExactlyOnce.check(rig.simulator(), workload);
        Map<String, Integer> jobs = records.successfulJobsByNode();
        assertThat(jobs.get("node-b")).as("node-b ran nothing after it was killed")
                .isEqualTo(jobsBeforeKill.get("node-b"));

        new Figures("two nodes, one killed (issue 11, test 2)")
                .put("requests", workload.size() + " (" + workload.disables().size() + " disables, " + ADDS + " adds)")
                .put("job lock (camunda.bpm.job-execution.lock-time-in-millis)", NodeSettings.LOCK_MILLIS + " ms")
                .put("jobs run before the kill, by node", jobsBeforeKill)
                .put("jobs run in all, by node", jobs)
                .put("open when node-b was killed", openAtKill)
                .put("kill -> all finished on node-a", Duration.between(killed, allFinished))
                .put("whole run", Duration.between(start, allFinished))
                .put("Atlassian calls", ledger.total())
                .put("incidents", records.incidents())
                .print();
    }
}
