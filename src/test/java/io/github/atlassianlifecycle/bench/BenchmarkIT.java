package io.github.atlassianlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.github.atlassianlifecycle.proof.CallLedger;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * Issue 12's benchmark, in one go (run by {@code bench/run.sh}, profile {@code bench}; never part of {@code mvn verify}):
 * the simulator and the application as processes of their own, pre-approved disables sent to {@code /api/requests}
 * as HR tooling sends them, and six figures — time-to-revoke at a fixed offered rate, throughput, the engine's own
 * ceiling on the same node through the same security, Atlassian calls per request, rate-limit utilisation, footprint.
 * It prints a table and writes {@code target/bench/result.json}. {@code -Dbench.scale=0.1} runs a tenth of it.
 */
class BenchmarkIT {

    static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    static final boolean POSTGRES = Boolean.getBoolean("bench.postgres");
    static final double OFFERED_PER_SECOND = 20;
    static final int REVOKE_REQUESTS = scaled(1200);
    static final int BURST_REQUESTS = scaled(2000);
    static final int RATE_LIMITED_REQUESTS = scaled(300);
    static final int FOOTPRINT_REQUESTS = scaled(10_000);
    static final int WARM_UP_REQUESTS = scaled(200);
    static final int SIMULATOR_LIMIT_PER_SECOND = 20;
    static final int SENDERS = 8;
    /** The calls that take access away: whichever comes first for an account ends its time-to-revoke. */
    static final java.util.Set<String> REVOKING_CALLS = java.util.Set.of("userManagement.disable", "scim.patchUser",
            "organizations.suspend");

    private final Map<String, Object> result = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private int endedOnNode;
    private int completedOnNode;
    private int failed;

    @Test
    void a_pre_approved_disable_is_measured_against_the_engines_own_ceiling_on_the_same_node() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (BenchRig rig = new BenchRig(POSTGRES, BURST_REQUESTS * 3)) {
            rig.start();
            settings.put("database", rig.database());
            settings.put("nodeHeap", BenchRig.NODE_HEAP + " (-XX:+UseSerialGC)");
            settings.put("scale", SCALE);
            BenchRig.Node node = rig.startNode("a", Map.of());
            result.put("startupSeconds", round(node.startupSeconds()));

            run(rig, node, WARM_UP_REQUESTS, SENDERS);
            timeToRevoke(rig, node);
            throughput(rig, node);
            engineCeiling(rig, node);
            footprint(rig, node);
            node.process().stop();

            rateLimit(rig);
        }
        result.put("failed", failed);
        result.put("settings", settings);
        result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "loadAverageBefore", round(loadBefore),
                "loadAverageAfter", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
        write();
        assertThat(result).containsKeys("throughputPerSec", "baselinePerSec", "throughputRatio", "timeToRevokeMs",
                "callsPerDisable", "rateLimitUtilisation", "tooManyRequests", "failed", "startupSeconds",
                "heapMbAfter10k");
    }

    /** (1) An open workload of 20 disables a second: from each 202 to the simulator recording the deactivation. */
    private void timeToRevoke(BenchRig rig, BenchRig.Node node) throws Exception {
        SimulatorControl simulator = fresh(rig);
        List<String> accounts = accounts(simulator, REVOKE_REQUESTS);
        Load.Sent sent = Load.paced(node.client("automation"), accounts, OFFERED_PER_SECOND);
        awaitEnded(node, sent);
        Map<String, Instant> disabledAt = new TreeMap<>();
        for (Map<String, Object> call : simulator.allCalls()) {
            int status = ((Number) call.get("status")).intValue();
            if (REVOKING_CALLS.contains(call.get("operation")) && status >= 200 && status < 300) {
                disabledAt.putIfAbsent((String) call.get("accountId"), Instant.parse((String) call.get("time")));
            }
        }
        List<Long> millis = new ArrayList<>();
        sent.acceptedAt().forEach((account, accepted) -> {
            Instant disabled = disabledAt.get(account);
            if (disabled != null) {
                millis.add(Math.max(0, Duration.between(accepted, disabled).toMillis()));
            }
        });
        Percentiles percentiles = new Percentiles(millis);
        result.put("timeToRevokeMs", percentiles.summary());
        result.put("timeToRevoke", Map.of("offeredPerSec", OFFERED_PER_SECOND, "requests", accounts.size(),
                "measured", percentiles.count(), "offeredOverSeconds", round(seconds(sent.first(), sent.last()))));

        CallLedger ledger = CallLedger.of(simulator);
        Map<String, Double> byOperation = new TreeMap<>();
        simulator.countsByOperation().forEach((operation, count) -> byOperation.put(operation,
                round((double) count / accounts.size())));
        result.put("callsPerDisable", round((double) ledger.total() / accounts.size()));
        result.put("callsPerDisableByOperation", byOperation);
    }

    /** (2) Disables submitted all at once: completed per second, from the first send to the last completion. */
    private void throughput(BenchRig rig, BenchRig.Node node) throws Exception {
        fresh(rig);
        List<String> accounts = accounts(rig.simulator(), BURST_REQUESTS);
        double[] cpu = cpu(rig, node);
        Instant start = Instant.now();
        Load.Sent sent = Load.burst(node.client("automation"), accounts, SENDERS);
        Instant ended = awaitEnded(node, sent);
        result.put("throughputPerSec", round(BURST_REQUESTS / seconds(start, ended)));
        result.put("submittedPerSec", round(BURST_REQUESTS / seconds(start, sent.last())));
        result.put("cpuMsPerDisable", cpuPerRequest(rig, node, cpu, BURST_REQUESTS));
    }

    /** (3) The same number of instances of a no-op model with as many jobs, through /engine-rest, same users. */
    private void engineCeiling(BenchRig rig, BenchRig.Node node) throws Exception {
        EngineCeiling ceiling = new EngineCeiling(node.client("demo"));
        ceiling.deploy();
        double[] cpu = cpu(rig, node);
        Duration took = ceiling.run(BURST_REQUESTS, SENDERS);
        result.put("cpuMsPerBaselineInstance", cpuPerRequest(rig, node, cpu, BURST_REQUESTS));
        double baseline = BURST_REQUESTS / (took.toMillis() / 1000.0);
        result.put("baselinePerSec", round(baseline));
        result.put("throughputRatio", round((Double) result.get("throughputPerSec") / baseline));
        result.put("baselineModel", EngineCeiling.KEY + ": " + EngineCeiling.JOBS + " asyncBefore no-op service tasks");
    }

    /** (6) Heap in use after a full collection, once the node has completed 10,000 requests. */
    private void footprint(BenchRig rig, BenchRig.Node node) throws Exception {
        while (completedOnNode < FOOTPRINT_REQUESTS) {
            run(rig, node, Math.min(BURST_REQUESTS, FOOTPRINT_REQUESTS - completedOnNode), SENDERS);
        }
        result.put("heapMbAfter10k", round(BenchRig.heapMbAfterGc(node)));
        result.put("completedOnNode", completedOnNode);
    }

    /** (5) A second node whose clients keep to 20 calls a second per API, against a simulator that allows 20. */
    private void rateLimit(BenchRig rig) throws Exception {
        Map<String, String> limited = new LinkedHashMap<>();
        limited.put("atlassian.rate-limit.enabled", "true");
        for (String family : List.of("organizations", "user-management", "scim", "jira", "confluence", "bitbucket")) {
            limited.put("atlassian.rate-limit.requests-per-second." + family, String.valueOf(SIMULATOR_LIMIT_PER_SECOND));
        }
        settings.put("rateLimitedNode", limited);
        BenchRig.Node node = rig.startNode("rate-limited", limited);
        endedOnNode = 0;
        completedOnNode = 0;
        SimulatorControl simulator = fresh(rig);
        simulator.faults(Map.of("rateLimitPerSecond", SIMULATOR_LIMIT_PER_SECOND));
        Load.Sent sent = Load.burst(node.client("automation"), accounts(simulator, RATE_LIMITED_REQUESTS), SENDERS);
        awaitEnded(node, sent);
        CallLedger ledger = CallLedger.of(simulator);
        Map<String, Double> perFamily = ledger.callsPerSecondByFamily();
        double busiest = perFamily.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        result.put("rateLimitUtilisation", round(busiest / SIMULATOR_LIMIT_PER_SECOND));
        result.put("tooManyRequests", ledger.withStatus(429));
        Map<String, Double> utilisation = new TreeMap<>();
        perFamily.forEach((family, rate) -> utilisation.put(family, round(rate / SIMULATOR_LIMIT_PER_SECOND)));
        result.put("rateLimitUtilisationByFamily", utilisation);
        result.put("rateLimitedRequests", RATE_LIMITED_REQUESTS);
        node.process().stop();
    }

    /** A burst of {@code count} disables on a fresh simulator, waited for. */
    private void run(BenchRig rig, BenchRig.Node node, int count, int senders) throws Exception {
        fresh(rig);
        awaitEnded(node, Load.burst(node.client("automation"), accounts(rig.simulator(), count), senders));
    }

    /**
     * Waits until every accepted request has ended (the node's own counter of ended disables), or until nothing has
     * ended for two minutes: what did not end, or ended otherwise than completed, counts as failed.
     */
    private Instant awaitEnded(BenchRig.Node node, Load.Sent sent) throws InterruptedException {
        failed += sent.refused();
        int expected = endedOnNode + sent.acceptedAt().size();
        int ended = endedOnNode;
        Instant progress = Instant.now();
        while (true) {
            var scrape = node.scrape();
            int now = (int) scrape.value("lifecycle_requests_total", "action=\"disable\"");
            if (now > ended) {
                ended = now;
                progress = Instant.now();
            }
            if (ended >= expected || Duration.between(progress, Instant.now()).toSeconds() > 120) {
                Instant at = Instant.now();
                int completed = (int) scrape.value("lifecycle_requests_total", "action=\"disable\"",
                        "outcome=\"completed\"");
                failed += (expected - ended) + ((ended - endedOnNode) - (completed - completedOnNode));
                endedOnNode = ended;
                completedOnNode = completed;
                return at;
            }
            Thread.sleep(100);
        }
    }

    /** CPU seconds so far of the node and of the simulator. */
    private static double[] cpu(BenchRig rig, BenchRig.Node node) {
        return new double[] { CpuTime.seconds(node.process().pid()), CpuTime.seconds(rig.simulatorPid()) };
    }

    private static Map<String, Double> cpuPerRequest(BenchRig rig, BenchRig.Node node, double[] before, int requests) {
        double[] after = cpu(rig, node);
        return Map.of("application", round((after[0] - before[0]) * 1000 / requests),
                "simulator", round((after[1] - before[1]) * 1000 / requests));
    }

    /** A simulator as seeded (its accounts active again, no faults, an empty call log). */
    private static SimulatorControl fresh(BenchRig rig) {
        SimulatorControl simulator = rig.simulator();
        simulator.reset();
        return simulator;
    }

    private static List<String> accounts(SimulatorControl simulator, int count) {
        List<String> accounts = simulator.accounts().stream()
                .filter(a -> "managed".equals(a.get("claimStatus")) && "active".equals(a.get("accountStatus")))
                .map(a -> (String) a.get("accountId")).limit(count).toList();
        if (accounts.size() < count) {
            throw new IllegalStateException("the simulator has " + accounts.size() + " active managed accounts, not "
                    + count + ": seed more (BenchRig's simulated users)");
        }
        return accounts;
    }

    private void write() throws Exception {
        Path file = Path.of("target", "bench", "result.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result),
                StandardCharsets.UTF_8);
        StringBuilder table = new StringBuilder(System.lineSeparator()).append("[bench] ==== issue 12's benchmark (")
                .append(file).append(")").append(System.lineSeparator());
        result.forEach((name, value) -> table.append(String.format(Locale.ROOT, "[bench] %-28s %s%n", name, value)));
        System.out.print(table);
    }

    private static int scaled(int count) {
        return Math.max(10, (int) Math.round(count * SCALE));
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
