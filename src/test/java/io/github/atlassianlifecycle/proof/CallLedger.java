package io.github.atlassianlifecycle.proof;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The simulator's call log read as a ledger of changes: per account, how many times each change (a POST, PUT,
 * PATCH or DELETE that reached an endpoint and succeeded, named by operation, path and query: removing someone from
 * two groups is two changes; searches sent as POST are reads) was made. Calls the fault injector answered never
 * reached an endpoint and changed nothing: they carry no operation.
 */
public final class CallLedger {

    private final List<Map<String, Object>> calls;

    private CallLedger(List<Map<String, Object>> calls) {
        this.calls = calls;
    }

    /** The simulator's whole log; fails when it no longer holds every call (it keeps the newest 50,000). */
    @SuppressWarnings("unchecked")
    public static CallLedger of(SimulatorControl simulator) {
        Map<String, Object> log = simulator.callLog();
        List<Map<String, Object>> calls = (List<Map<String, Object>>) log.get("calls");
        long total = ((Number) log.get("total")).longValue();
        if (total != calls.size()) {
            throw new AssertionError("the call log kept " + calls.size() + " of " + total + " calls: use fewer requests");
        }
        return new CallLedger(calls);
    }

    /** Account to change ({@code operation path?query}) to the number of times it succeeded. */
    Map<String, Map<String, Integer>> changesByAccount() {
        Map<String, Map<String, Integer>> changes = new TreeMap<>();
        for (Map<String, Object> call : calls) {
            String operation = (String) call.get("operation");
            int status = status(call);
            if (operation == null || call.get("accountId") == null || "GET".equals(call.get("method"))
                    || operation.toLowerCase().contains("search") || status < 200 || status > 299) {
                continue;
            }
            String change = operation + " " + call.get("path") + (call.get("query") == null ? "" : "?" + call.get("query"));
            changes.computeIfAbsent((String) call.get("accountId"), a -> new TreeMap<>()).merge(change, 1, Integer::sum);
        }
        return changes;
    }

    /** Calls answered with {@code status}. */
    public long withStatus(int status) {
        return calls.stream().filter(call -> status(call) == status).count();
    }

    public long total() {
        return calls.size();
    }

    /** API family (the simulator's first two path segments, e.g. {@code /sim/site/wiki}) to its calls per second. */
    public Map<String, Double> callsPerSecondByFamily() {
        Map<String, List<Map<String, Object>>> byFamily = calls.stream()
                .collect(Collectors.groupingBy(CallLedger::family, TreeMap::new, Collectors.toList()));
        Map<String, Double> rates = new TreeMap<>();
        byFamily.forEach((family, familyCalls) -> {
            List<Instant> times = familyCalls.stream().map(call -> Instant.parse((String) call.get("time")))
                    .sorted().toList();
            double seconds = Math.max(1, Duration.between(times.get(0), times.get(times.size() - 1)).toMillis()) / 1000.0;
            rates.put(family, times.size() / seconds);
        });
        return rates;
    }

    /** {@code organizations}, {@code userManagement}, ...: the operation's prefix, else the path's family. */
    private static String family(Map<String, Object> call) {
        String operation = (String) call.get("operation");
        if (operation != null && operation.contains(".")) {
            return operation.substring(0, operation.indexOf('.'));
        }
        String path = (String) call.get("path");
        return path.startsWith("/sim/api/admin") ? "organizations" : path.startsWith("/sim/api/users") ? "userManagement"
                : path.startsWith("/sim/api/scim") ? "scim" : path.startsWith("/sim/site/wiki") ? "confluence"
                : path.startsWith("/sim/site") ? "jira" : "bitbucket";
    }

    private static int status(Map<String, Object> call) {
        return ((Number) call.get("status")).intValue();
    }
}
