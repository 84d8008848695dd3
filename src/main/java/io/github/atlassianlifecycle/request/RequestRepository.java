package io.github.atlassianlifecycle.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;


import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

/**
 * The request store, in the engine's database: one row per request, plus the Atlassian calls made for it. Its tables
 * come from {@link RequestStoreMigrations}.
 *
 * <p>Two unique columns make the API's guarantees hold under concurrency, inside the transaction that starts the
 * process: {@code open_key} (action and account, set while the request is open, cleared when it ends; Camunda does
 * not make business keys unique) and {@code idempotency_scope} (requester and {@code Idempotency-Key}).
 */
public class RequestRepository {

    /** Rows read at a time by the search that filters beyond SQL. */
    static final int SCAN_BATCH = 100;
    /** Newest first; {@code id} breaks ties, so that paging is stable. */
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id";
    /** An outcome a designer's end event sets can be longer than ours; the store keeps its start. */
    static final int MAX_OUTCOME = 64;

    private final NamedParameterJdbcTemplate jdbc;

    public RequestRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key that makes a second open request for the same account and action collide. */
    public static String openKey(LifecycleAction action, String account) {
        return action.name() + ":" + account.toLowerCase(Locale.ROOT);
    }

    public static String idempotencyScope(String requester, String idempotencyKey) {
        return idempotencyKey == null ? null : requester + "\n" + idempotencyKey;
    }

    /**
     * Inserts a new open request.
     *
     * @throws org.springframework.dao.DuplicateKeyException when an open request for the account and action, or a
     *         request with the same requester and idempotency key, exists
     */
    public void insert(StoredRequest request, String idempotencyKey) {
        insert(request, openKey(request.action(), request.account()),
                idempotencyScope(request.requester(), idempotencyKey));
    }

    /**
     * Inserts a request whose process was started directly through the engine ({@code /engine-rest} or Java), not
     * through the request API: the same record, without the API's duplicate and idempotency keys.
     */
    public void insertStarted(StoredRequest request) {
        insert(request, null, null);
    }

    private void insert(StoredRequest request, String openKey, String idempotencyScope) {
        jdbc.update("""
                INSERT INTO lifecycle_request (id, action, account_id, email, display_name, groups_json, reason,
                  reason_code, requester, process_instance_id, open_key, idempotency_scope, body_hash, undo_of,
                  created_at, updated_at)
                VALUES (:id, :action, :accountId, :email, :displayName, :groups, :reason, :reasonCode, :requester,
                  :processInstanceId, :openKey, :idempotencyScope, :bodyHash, :undoOf, :createdAt, :createdAt)""",
                new MapSqlParameterSource()
                        .addValue("id", request.id())
                        .addValue("action", request.action().name())
                        .addValue("accountId", request.accountId())
                        .addValue("email", request.email())
                        .addValue("displayName", request.displayName())
                        .addValue("groups", GroupsColumn.write(request.groups()))
                        .addValue("reason", request.reason())
                        .addValue("reasonCode", request.reasonCode())
                        .addValue("requester", request.requester())
                        .addValue("processInstanceId", request.processInstanceId())
                        .addValue("openKey", openKey)
                        .addValue("idempotencyScope", idempotencyScope)
                        .addValue("bodyHash", request.bodyHash())
                        .addValue("undoOf", request.undoOf())
                        .addValue("createdAt", Timestamp.from(request.createdAt())));
    }

    public void attachProcess(String id, String processInstanceId) {
        jdbc.update("UPDATE lifecycle_request SET process_instance_id = :pid WHERE id = :id",
                new MapSqlParameterSource("pid", processInstanceId).addValue("id", id));
    }

    public Optional<StoredRequest> find(String id) {
        return findBy("id", id);
    }

    public Optional<StoredRequest> findByProcessInstance(String processInstanceId) {
        return findBy("process_instance_id", processInstanceId);
    }

    public Optional<StoredRequest> findByIdempotencyKey(String requester, String idempotencyKey) {
        return findBy("idempotency_scope", idempotencyScope(requester, idempotencyKey));
    }

    public Optional<StoredRequest> findOpen(LifecycleAction action, String account) {
        return findBy("open_key", openKey(action, account));
    }

    /** The request whose {@code column} (one of ours, never a caller's text) holds {@code value}. */
    private Optional<StoredRequest> findBy(String column, String value) {
        return jdbc.query("SELECT * FROM lifecycle_request WHERE " + column + " = :value",
                new MapSqlParameterSource("value", value), ROWS).stream().findFirst();
    }

    /** Marks a request as ended: its final status is kept, and the account is free for a new request. */
    public void close(String processInstanceId, RequestStatus status, String outcome, Instant at) {
        jdbc.update("""
                UPDATE lifecycle_request SET final_status = :status, outcome = :outcome, open_key = NULL,
                  updated_at = :at WHERE process_instance_id = :pid AND final_status IS NULL""",
                new MapSqlParameterSource("status", status.name())
                        .addValue("outcome", outcome == null || outcome.length() <= MAX_OUTCOME ? outcome
                                : outcome.substring(0, MAX_OUTCOME))
                        .addValue("at", Timestamp.from(at)).addValue("pid", processInstanceId));
    }

    /** How many requests have not ended (one indexed count, cheap enough for every metrics scrape). */
    public long countOpen() {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_request WHERE final_status IS NULL",
                new MapSqlParameterSource(), Long.class);
        return open == null ? 0 : open;
    }

    /** Requests, newest first, filtered by whatever is not null, from {@code offset} on, at most {@code limit}. */
    public List<StoredRequest> search(RequestQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = where(query, params);
        sql.append(NEWEST_FIRST).append(" LIMIT :limit OFFSET :offset");
        params.addValue("limit", query.limit()).addValue("offset", query.offset());
        return jdbc.query(sql.toString(), params, ROWS);
    }

    /**
     * Like {@link #search}, but only the requests {@code keep} accepts count, {@code offset} and {@code limit}
     * included: for a filter the table cannot answer, such as the live status of an open request, which only its
     * process knows. The matching rows are read newest first, {@link #SCAN_BATCH} at a time, each batch after the
     * last row of the one before (so rows inserted meanwhile shift nothing), until {@code limit} kept requests are
     * found or the rows run out. Memory stays one batch; the work grows with the rows before the page, which for
     * live statuses are the open requests only ({@code openOnly}).
     */
    public List<StoredRequest> search(RequestQuery query, Predicate<StoredRequest> keep) {
        List<StoredRequest> kept = new ArrayList<>();
        if (query.limit() < 1) {
            return kept;
        }
        long toSkip = query.offset();
        StoredRequest last = null;
        while (true) {
            MapSqlParameterSource params = new MapSqlParameterSource();
            StringBuilder sql = where(query, params);
            if (last != null) {
                sql.append(" AND (created_at < :lastCreated OR (created_at = :lastCreated AND id > :lastId))");
                params.addValue("lastCreated", Timestamp.from(last.createdAt())).addValue("lastId", last.id());
            }
            sql.append(NEWEST_FIRST).append(" LIMIT :limit");
            params.addValue("limit", SCAN_BATCH);
            List<StoredRequest> batch = jdbc.query(sql.toString(), params, ROWS);
            for (StoredRequest request : batch) {
                if (!keep.test(request)) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else if (kept.add(request) && kept.size() == query.limit()) {
                    return kept;
                }
            }
            if (batch.size() < SCAN_BATCH) {
                return kept;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    /** {@code SELECT ... WHERE} the query's filters; the order is {@link #NEWEST_FIRST}'s to append. */
    private static StringBuilder where(RequestQuery query, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("SELECT * FROM lifecycle_request WHERE 1 = 1");
        if (query.account() != null) {
            sql.append(" AND (LOWER(account_id) = :account OR LOWER(email) = :account)");
            params.addValue("account", query.account().toLowerCase(Locale.ROOT));
        }
        if (query.action() != null) {
            sql.append(" AND action = :action");
            params.addValue("action", query.action().name());
        }
        if (query.requester() != null) {
            sql.append(" AND requester = :requester");
            params.addValue("requester", query.requester());
        }
        if (query.finalStatus() != null) {
            sql.append(" AND final_status = :status");
            params.addValue("status", query.finalStatus().name());
        } else if (query.openOnly()) {
            sql.append(" AND final_status IS NULL");
        }
        return sql;
    }

    public void recordApiCall(String processInstanceId, RecordedApiCall call) {
        jdbc.update("""
                INSERT INTO lifecycle_api_call (process_instance_id, started_at, duration_ms, api, operation, method,
                  path, status, atlassian_request_id)
                VALUES (:pid, :at, :duration, :api, :operation, :method, :path, :status, :requestId)""",
                new MapSqlParameterSource("pid", processInstanceId).addValue("at", Timestamp.from(call.at()))
                        .addValue("duration", call.durationMillis()).addValue("api", call.system())
                        .addValue("operation", call.operation()).addValue("method", call.method())
                        .addValue("path", call.path()).addValue("status", call.status())
                        .addValue("requestId", call.atlassianRequestId()));
    }

    public List<RecordedApiCall> apiCalls(String processInstanceId) {
        return jdbc.query("SELECT * FROM lifecycle_api_call WHERE process_instance_id = :pid ORDER BY started_at, id",
                new MapSqlParameterSource("pid", processInstanceId), (rs, row) -> new RecordedApiCall(
                        rs.getTimestamp("started_at").toInstant(), rs.getLong("duration_ms"), rs.getString("api"),
                        rs.getString("operation"), rs.getString("method"), rs.getString("path"), rs.getInt("status"),
                        rs.getString("atlassian_request_id")));
    }

    private static final RowMapper<StoredRequest> ROWS = RequestRepository::row;

    private static StoredRequest row(ResultSet rs, int rowNumber) throws SQLException {
        String status = rs.getString("final_status");
        return new StoredRequest(rs.getString("id"), LifecycleAction.valueOf(rs.getString("action")),
                rs.getString("account_id"), rs.getString("email"), rs.getString("display_name"),
                GroupsColumn.read(rs.getString("groups_json")), rs.getString("reason"), rs.getString("reason_code"),
                rs.getString("requester"), rs.getString("process_instance_id"),
                status == null ? null : RequestStatus.valueOf(status), rs.getString("outcome"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("body_hash"), rs.getString("undo_of"));
    }
}
