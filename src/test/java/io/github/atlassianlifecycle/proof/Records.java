package io.github.atlassianlifecycle.proof;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the nodes wrote to the shared PostgreSQL, read by the test directly: the plugin's request store (a request
 * is finished when it has a {@code final_status}), Camunda's incidents and its job history, whose host name is the
 * node that ran the job ({@link ProofRig#startNode}).
 */
final class Records {

    /** Camunda's ACT_HI_JOB_LOG.JOB_STATE_: a job that failed, one that succeeded. */
    static final int JOB_FAILED = 1;
    static final int JOB_SUCCESSFUL = 2;

    private final JdbcTemplate database;
    /** Only what happened from this instant on counts: tests that share a database see their own work. */
    private final Timestamp since;

    Records(JdbcTemplate database, Instant since) {
        this.database = database;
        this.since = Timestamp.from(since);
    }

    int requests() {
        return count("select count(*) from lifecycle_request where created_at >= ?");
    }

    int openRequests() {
        return count("select count(*) from lifecycle_request where final_status is null and created_at >= ?");
    }

    /** Final status to number of requests (open ones as OPEN). */
    Map<String, Integer> statuses() {
        Map<String, Integer> statuses = new TreeMap<>();
        database.query("select coalesce(final_status, 'OPEN') s, count(*) n from lifecycle_request where created_at >= ? group by s",
                rs -> {
                    statuses.put(rs.getString("s"), rs.getInt("n"));
                }, since);
        return statuses;
    }

    int incidents() {
        return count("select count(*) from act_ru_incident where incident_timestamp_ >= ?");
    }

    /** Each incident's message, in words as Cockpit shows it. */
    List<String> incidentMessages() {
        return database.queryForList("select incident_msg_ from act_ru_incident where incident_timestamp_ >= ?"
                + " order by incident_timestamp_", String.class, since);
    }

    /** Node (engine host name) to number of jobs it ran to success. */
    Map<String, Integer> successfulJobsByNode() {
        Map<String, Integer> byNode = new TreeMap<>();
        database.query("select hostname_ h, count(*) n from act_hi_job_log where job_state_ = ? and timestamp_ >= ?"
                + " group by hostname_", rs -> {
                    byNode.put(rs.getString("h"), rs.getInt("n"));
                }, JOB_SUCCESSFUL, since);
        return byNode;
    }

    /** Job attempts that failed (each is a retry or, at the last one, an incident). */
    int failedJobAttempts() {
        return count("select count(*) from act_hi_job_log where job_state_ = " + JOB_FAILED + " and timestamp_ >= ?");
    }

    /** The first job that {@code node} ran to success, if any. */
    Instant firstSuccessfulJob(String node) {
        Timestamp first = database.queryForObject(
                "select min(timestamp_) from act_hi_job_log where job_state_ = ? and hostname_ = ?", Timestamp.class,
                JOB_SUCCESSFUL, node);
        return first == null ? null : first.toInstant();
    }

    /**
     * Waits until every request has a final status and answers when the last one was seen finished; fails at once
     * when an incident appears (a request that waits on one would never finish by itself).
     */
    Instant awaitAllFinished(Duration atMost) {
        await("every request finished").atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (incidents() > 0) {
                throw new AssertionError(incidents() + " incidents, " + openRequests() + " requests open: "
                        + incidentMessages().stream().limit(5).toList());
            }
            return openRequests() == 0;
        });
        return Instant.now();
    }

    /** Jobs locked by a node right now (after a kill: those that wait for their lock to expire). */
    int lockedJobs() {
        Integer count = database.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null",
                Integer.class);
        return count == null ? 0 : count;
    }

    /** Process instance to its incidents' messages. */
    Map<String, List<String>> incidentsByInstance() {
        Map<String, List<String>> byInstance = new TreeMap<>();
        database.query("select proc_inst_id_ p, incident_msg_ m from act_ru_incident where incident_timestamp_ >= ?",
                rs -> {
                    byInstance.computeIfAbsent(rs.getString("p"), p -> new java.util.ArrayList<>()).add(rs.getString("m"));
                }, since);
        return byInstance;
    }

    /** The job of each open incident (its configuration), for a retry through the engine's REST API. */
    List<String> incidentJobs() {
        return database.queryForList("select configuration_ from act_ru_incident where incident_timestamp_ >= ?"
                + " and incident_type_ = 'failedJob'", String.class, since);
    }

    private int count(String sql) {
        Integer count = database.queryForObject(sql, Integer.class, since);
        return count == null ? 0 : count;
    }
}
