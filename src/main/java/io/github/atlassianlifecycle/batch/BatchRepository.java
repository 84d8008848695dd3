package io.github.atlassianlifecycle.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;


import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.request.GroupsColumn;
import io.github.atlassianlifecycle.request.NewRequest;

/**
 * The batch store, beside the request store in the engine's database (tables from the request store's migrations,
 * V4): one row per batch, one per line of it.
 */
public class BatchRepository {

    /** What the store keeps of an error; the rest is cut. */
    static final int MAX_ERROR = 4000;

    private final NamedParameterJdbcTemplate jdbc;

    public BatchRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the batch and all its rows (in the caller's transaction). */
    public void insert(Batch batch, List<BatchRow> rows) {
        jdbc.update("""
                INSERT INTO lifecycle_batch (id, requester, source, created_at, updated_at)
                VALUES (:id, :requester, :source, :at, :at)""",
                new MapSqlParameterSource("id", batch.id()).addValue("requester", batch.requester())
                        .addValue("source", batch.source().name()).addValue("at", Timestamp.from(batch.createdAt())));
        List<SqlParameterSource> params = new ArrayList<>();
        for (BatchRow row : rows) {
            NewRequest request = row.request();
            params.add(new MapSqlParameterSource("batch", batch.id()).addValue("line", row.line())
                    .addValue("action", request == null ? null : request.action().name())
                    .addValue("accountId", request == null ? null : request.accountId())
                    .addValue("email", request == null ? null : request.email())
                    .addValue("displayName", request == null ? null : request.displayName())
                    .addValue("groups", request == null ? null : GroupsColumn.write(request.groups()))
                    .addValue("reason", request == null ? null : request.reason())
                    .addValue("reasonCode", request == null ? null : request.reasonCode())
                    .addValue("error", cut(row.error())));
        }
        jdbc.batchUpdate("""
                INSERT INTO lifecycle_batch_row (batch_id, line, action, account_id, email, display_name, groups_json,
                  reason, reason_code, error)
                VALUES (:batch, :line, :action, :accountId, :email, :displayName, :groups, :reason, :reasonCode,
                  :error)""", params.toArray(SqlParameterSource[]::new));
    }

    /**
     * Ties the batch to the process instance that carries its approval, once: false when another instance already
     * carries it, or the batch is not {@code requester}'s.
     */
    public boolean attachProcess(String id, String requester, String processInstanceId) {
        return jdbc.update("""
                UPDATE lifecycle_batch SET process_instance_id = :pid
                WHERE id = :id AND requester = :requester AND process_instance_id IS NULL AND decision IS NULL""",
                new MapSqlParameterSource("pid", processInstanceId).addValue("id", id)
                        .addValue("requester", requester)) == 1;
    }

    /** Records the decision on a batch still waiting for one, and which rows the approver excluded. */
    public boolean decide(String id, Batch.Decision decision, String by, Instant at, String comment,
            List<Integer> excludedLines) {
        int updated = jdbc.update("""
                UPDATE lifecycle_batch SET decision = :decision, decided_by = :by, decided_at = :at,
                  decision_comment = :comment, updated_at = :at
                WHERE id = :id AND decision IS NULL""",
                new MapSqlParameterSource("decision", decision.name()).addValue("by", by)
                        .addValue("at", Timestamp.from(at)).addValue("comment", comment).addValue("id", id));
        if (updated == 1 && !excludedLines.isEmpty()) {
            jdbc.update("UPDATE lifecycle_batch_row SET excluded = TRUE WHERE batch_id = :id AND line IN (:lines)",
                    new MapSqlParameterSource("id", id).addValue("lines", excludedLines));
        }
        return updated == 1;
    }

    /** The request started for the row; its error, if an earlier try left one, is cleared. */
    public void started(String id, int line, String requestId) {
        jdbc.update("UPDATE lifecycle_batch_row SET request_id = :request, error = NULL WHERE batch_id = :id AND line = :line",
                new MapSqlParameterSource("request", requestId).addValue("id", id).addValue("line", line));
    }

    /** Why the row's request could not be started. */
    public void failed(String id, int line, String error) {
        jdbc.update("UPDATE lifecycle_batch_row SET error = :error WHERE batch_id = :id AND line = :line",
                new MapSqlParameterSource("error", cut(error)).addValue("id", id).addValue("line", line));
    }

    public Optional<Batch> find(String id) {
        return jdbc.query("SELECT * FROM lifecycle_batch WHERE id = :id", new MapSqlParameterSource("id", id), BATCHES)
                .stream().findFirst();
    }

    /** Batches newest first, only {@code requester}'s unless null, from {@code offset} on, at most {@code limit}. */
    public List<Batch> search(String requester, long offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit).addValue("offset", offset);
        String where = "";
        if (requester != null) {
            where = " WHERE requester = :requester";
            params.addValue("requester", requester);
        }
        return jdbc.query("SELECT * FROM lifecycle_batch" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset",
                params, BATCHES);
    }

    /** Every row of the batch, by line. */
    public List<BatchRow> rows(String id) {
        return jdbc.query("SELECT * FROM lifecycle_batch_row WHERE batch_id = :id ORDER BY line",
                new MapSqlParameterSource("id", id), ROWS);
    }

    public Optional<BatchRow> row(String id, int line) {
        return jdbc.query("SELECT * FROM lifecycle_batch_row WHERE batch_id = :id AND line = :line",
                new MapSqlParameterSource("id", id).addValue("line", line), ROWS).stream().findFirst();
    }

    /** The batch row a request was started for, if it was. */
    public Optional<BatchRow> rowOfRequest(String requestId) {
        return jdbc.query("SELECT * FROM lifecycle_batch_row WHERE request_id = :request",
                new MapSqlParameterSource("request", requestId), ROWS).stream().findFirst();
    }

    /** The batch a request was started for, if it was. */
    public Optional<Batch> batchOfRequest(String requestId) {
        return jdbc.query("""
                SELECT b.* FROM lifecycle_batch b JOIN lifecycle_batch_row r ON r.batch_id = b.id
                WHERE r.request_id = :request""", new MapSqlParameterSource("request", requestId), BATCHES)
                .stream().findFirst();
    }

    private static final RowMapper<Batch> BATCHES = BatchRepository::batch;
    private static final RowMapper<BatchRow> ROWS = BatchRepository::row;

    private static Batch batch(ResultSet rs, int rowNumber) throws SQLException {
        String decision = rs.getString("decision");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Batch(rs.getString("id"), rs.getString("requester"), Batch.Source.valueOf(rs.getString("source")),
                rs.getString("process_instance_id"), decision == null ? null : Batch.Decision.valueOf(decision),
                rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decision_comment"), rs.getTimestamp("created_at").toInstant());
    }

    private static BatchRow row(ResultSet rs, int rowNumber) throws SQLException {
        String action = rs.getString("action");
        NewRequest request = action == null ? null : new NewRequest(LifecycleAction.valueOf(action),
                rs.getString("account_id"), rs.getString("email"), rs.getString("display_name"),
                GroupsColumn.read(rs.getString("groups_json")), rs.getString("reason"), rs.getString("reason_code"));
        return new BatchRow(rs.getInt("line"), request, rs.getString("error"), rs.getBoolean("excluded"),
                rs.getString("request_id"));
    }

    private static String cut(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
