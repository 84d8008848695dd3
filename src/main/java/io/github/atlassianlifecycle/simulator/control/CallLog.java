package io.github.atlassianlifecycle.simulator.control;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every call the simulated APIs received: time, method, path and query, status, and the operation and account it
 * touched. Counts per account and operation are kept in full (so a test can prove "exactly once"); the list of calls keeps
 * the newest {@value #MAX_CALLS}. Credentials are never recorded.
 */
public class CallLog {

    static final int MAX_CALLS = 50_000;

    /**
     * One call; {@code operation} and {@code accountId} are null when the call never reached an endpoint, {@code query}
     * when it had none (it tells two changes of one account apart, such as its removal from two Jira groups).
     */
    public record Call(Instant time, String method, String path, String query, int status, String operation,
            String accountId) {
    }

    private final Deque<Call> calls = new ArrayDeque<>();
    private final Map<String, Map<String, Integer>> countsByAccount = new TreeMap<>();
    private final Map<String, Integer> countsByOperation = new TreeMap<>();
    private long total;

    public synchronized void record(Call call) {
        calls.addLast(call);
        if (calls.size() > MAX_CALLS) {
            calls.removeFirst();
        }
        total++;
        if (call.operation() != null) {
            countsByOperation.merge(call.operation(), 1, Integer::sum);
            if (call.accountId() != null) {
                countsByAccount.computeIfAbsent(call.accountId(), id -> new TreeMap<>())
                        .merge(call.operation(), 1, Integer::sum);
            }
        }
    }

    public synchronized List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public synchronized long total() {
        return total;
    }

    /** Account id to operation to number of calls. */
    public synchronized Map<String, Map<String, Integer>> countsByAccount() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        countsByAccount.forEach((account, counts) -> copy.put(account, new TreeMap<>(counts)));
        return copy;
    }

    public synchronized Map<String, Integer> countsByOperation() {
        return new TreeMap<>(countsByOperation);
    }

    public synchronized void clear() {
        calls.clear();
        countsByAccount.clear();
        countsByOperation.clear();
        total = 0;
    }
}
