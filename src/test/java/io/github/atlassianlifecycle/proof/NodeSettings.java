package io.github.atlassianlifecycle.proof;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings the proof gives its application nodes, chosen together as the README's operations section says: the
 * job lock decides how soon a crashed node's jobs run again, so the HTTP timeouts stay far below it (one call
 * gives up after at most 2 s + 5 s, a job's lock is {@value #LOCK_MILLIS} ms), and no job outlives its lock.
 */
final class NodeSettings {

    /** Camunda's job lock in the proof (its default is five minutes). {@code -Dproof.lock-millis=...} */
    static final int LOCK_MILLIS = Integer.getInteger("proof.lock-millis", 30_000);

    private NodeSettings() {
    }

    static Map<String, String> recovering() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_MILLIS));
        settings.put("atlassian.http.connect-timeout", "2s");
        settings.put("atlassian.http.response-timeout", "5s");
        return settings;
    }

    /** {@link #recovering()} with more settings, which win. */
    static Map<String, String> recovering(Map<String, String> more) {
        Map<String, String> settings = recovering();
        settings.putAll(more);
        return settings;
    }
}
