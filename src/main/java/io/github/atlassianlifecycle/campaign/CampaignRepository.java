package io.github.atlassianlifecycle.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;

import io.github.atlassianlifecycle.lifecycle.reconcile.KeptAccess;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The campaign store, beside the request store in the engine's database (migration V5): one row per campaign, one
 * per person of it. Every change of a row's state is conditional on the state it leaves, so a keep and the disable
 * step can never both win.
 */
public class CampaignRepository {

    static final int MAX_ERROR = 2000;

    private final NamedParameterJdbcTemplate jdbc;

    public CampaignRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the campaign and its rows, all PENDING (in the caller's transaction). */
    public void insert(Campaign campaign, List<CampaignRow> rows) {
        jdbc.update("""
                INSERT INTO lifecycle_campaign (id, reconciliation_id, requester, created_at)
                VALUES (:id, :reconciliation, :requester, :at)""",
                new MapSqlParameterSource("id", campaign.id()).addValue("reconciliation", campaign.reconciliationId())
                        .addValue("requester", campaign.requester())
                        .addValue("at", Timestamp.from(campaign.createdAt())));
        jdbc.batchUpdate("""
                INSERT INTO lifecycle_campaign_row (campaign_id, account_id, email, state)
                VALUES (:campaign, :account, :email, 'PENDING')""", rows.stream()
                .map(row -> new MapSqlParameterSource("campaign", campaign.id()).addValue("account", row.accountId())
                        .addValue("email", row.email()))
                .toArray(SqlParameterSource[]::new));
    }

    /** What keeps a campaign open: not refused and not cancelled (a campaign waiting for approval is open too). */
    private static final String OPEN = "(c.decision IS NULL OR c.decision = 'APPROVED') AND c.cancelled_at IS NULL";

    /** The reconciliation's campaign that was neither refused nor cancelled, if it has one. */
    public Optional<Campaign> liveOf(String reconciliationId) {
        return jdbc.query("SELECT c.* FROM lifecycle_campaign c WHERE c.reconciliation_id = :reconciliation AND "
                + OPEN + " ORDER BY c.created_at", new MapSqlParameterSource("reconciliation", reconciliationId),
                CAMPAIGNS).stream().findFirst();
    }

    /** Every account waiting (PENDING) in an open campaign, with that campaign's id. */
    public Map<String, String> waiting() {
        Map<String, String> waiting = new HashMap<>();
        jdbc.query("SELECT r.account_id, r.campaign_id FROM lifecycle_campaign_row r JOIN lifecycle_campaign c "
                + "ON c.id = r.campaign_id WHERE r.state = 'PENDING' AND " + OPEN, (ResultSet rs) -> {
                    waiting.putIfAbsent(rs.getString("account_id"), rs.getString("campaign_id"));
                });
        return waiting;
    }

    /** The latest keep of every account whose person kept access in any campaign: what the reconciler counts. */
    public Map<String, KeptAccess.Keep> latestKeeps() {
        Map<String, KeptAccess.Keep> latest = new HashMap<>();
        jdbc.query("SELECT account_id, campaign_id, kept_at FROM lifecycle_campaign_row WHERE state = 'KEPT'",
                (ResultSet rs) -> {
                    KeptAccess.Keep keep = new KeptAccess.Keep(instant(rs, "kept_at"), rs.getString("campaign_id"));
                    latest.merge(rs.getString("account_id"), keep, (a, b) -> a.at().isAfter(b.at()) ? a : b);
                });
        return latest;
    }

    /** Ties the campaign to its process, once: false when another carries it or it is not {@code requester}'s. */
    public boolean attachProcess(String id, String requester, String processInstanceId) {
        return jdbc.update("""
                UPDATE lifecycle_campaign SET process_instance_id = :pid
                WHERE id = :id AND requester = :requester AND process_instance_id IS NULL AND decision IS NULL""",
                new MapSqlParameterSource("pid", processInstanceId).addValue("id", id)
                        .addValue("requester", requester)) == 1;
    }

    /** Records the decision on a campaign still waiting for one. */
    public boolean decide(String id, Campaign.Decision decision, String by, Instant at, String comment) {
        return jdbc.update("""
                UPDATE lifecycle_campaign SET decision = :decision, decided_by = :by, decided_at = :at,
                  decision_comment = :comment
                WHERE id = :id AND decision IS NULL""",
                new MapSqlParameterSource("decision", decision.name()).addValue("by", by)
                        .addValue("at", Timestamp.from(at)).addValue("comment", comment).addValue("id", id)) == 1;
    }

    /** The end of the notice period, set once: the notice step run twice keeps the first. */
    public Instant noticeEnds(String id, Instant endsAt) {
        jdbc.update("UPDATE lifecycle_campaign SET notice_ends_at = :at WHERE id = :id AND notice_ends_at IS NULL",
                new MapSqlParameterSource("at", Timestamp.from(endsAt)).addValue("id", id));
        return find(id).orElseThrow().noticeEndsAt();
    }

    /** What became of one row's notice, and the hash of the token it carried (null when none was issued). */
    public void noticed(String id, String accountId, CampaignRow.Notice notice, String error, String tokenHash,
            Instant at) {
        jdbc.update("""
                UPDATE lifecycle_campaign_row SET notice = :notice, notice_error = :error, token_hash = :hash,
                  noticed_at = :at
                WHERE campaign_id = :id AND account_id = :account AND notice IS NULL""",
                new MapSqlParameterSource("notice", notice.name()).addValue("error", cut(error))
                        .addValue("hash", tokenHash).addValue("id", id).addValue("account", accountId)
                        .addValue("at", Timestamp.from(at)));
    }

    /** Ends a PENDING row as kept, when the token's hash is the row's; false when it is not or the row has ended. */
    public boolean keep(String id, String accountId, String tokenHash, Instant at) {
        return jdbc.update("""
                UPDATE lifecycle_campaign_row SET state = 'KEPT', kept_at = :at
                WHERE campaign_id = :id AND account_id = :account AND token_hash = :hash AND state = 'PENDING'""",
                new MapSqlParameterSource("at", Timestamp.from(at)).addValue("id", id).addValue("account", accountId)
                        .addValue("hash", tokenHash)) == 1;
    }

    /** Claims a PENDING row for its disable (row-locked until the caller's transaction ends); false when it ended. */
    public boolean claimForDisable(String id, String accountId, Instant at) {
        return jdbc.update("""
                UPDATE lifecycle_campaign_row SET state = 'DISABLED', disabled_at = :at
                WHERE campaign_id = :id AND account_id = :account AND state = 'PENDING'""",
                new MapSqlParameterSource("id", id).addValue("account", accountId)
                        .addValue("at", Timestamp.from(at))) == 1;
    }

    /**
     * The campaign, its row locked until the caller's transaction ends: a cancel and the disable step each lock it
     * first, so one waits for the other and then sees what it did.
     */
    public Optional<Campaign> lock(String id) {
        return jdbc.query("SELECT * FROM lifecycle_campaign WHERE id = :id FOR UPDATE",
                new MapSqlParameterSource("id", id), CAMPAIGNS).stream().findFirst();
    }

    /** Whether any row was handed to its disable. */
    public boolean anyDisabled(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT COUNT(*) > 0 FROM lifecycle_campaign_row WHERE campaign_id = :id AND state = 'DISABLED'""",
                new MapSqlParameterSource("id", id), Boolean.class));
    }

    /** Cancels the campaign: every PENDING row ends CANCELLED (call with the campaign {@link #lock}ed). */
    public void cancel(String id, String by, Instant at) {
        MapSqlParameterSource values = new MapSqlParameterSource("id", id).addValue("by", by)
                .addValue("at", Timestamp.from(at));
        jdbc.update("""
                UPDATE lifecycle_campaign SET cancelled_by = :by, cancelled_at = :at
                WHERE id = :id AND cancelled_at IS NULL""", values);
        jdbc.update("UPDATE lifecycle_campaign_row SET state = 'CANCELLED' WHERE campaign_id = :id AND state = 'PENDING'",
                values);
    }

    /** One page of campaigns, newest first, each with whether any of its rows still waits. */
    public List<Listed> page(long offset, int limit) {
        return jdbc.query("""
                SELECT c.*, (SELECT COUNT(*) FROM lifecycle_campaign_row r WHERE r.campaign_id = c.id) AS row_count,
                  (SELECT COUNT(*) FROM lifecycle_campaign_row r WHERE r.campaign_id = c.id AND r.state = 'PENDING')
                    AS pending_count
                FROM lifecycle_campaign c ORDER BY c.created_at DESC, c.id LIMIT :limit OFFSET :offset""",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset),
                (rs, n) -> new Listed(campaign(rs, n), rs.getInt("row_count"), rs.getInt("pending_count")));
    }

    /** A campaign as a list shows it: how many people, and how many still wait. */
    public record Listed(Campaign campaign, int rows, int pending) {
    }

    /** The disable request started for the row, or why none could be. */
    public void disabled(String id, String accountId, String requestId, String error) {
        jdbc.update("""
                UPDATE lifecycle_campaign_row SET request_id = :request, error = :error
                WHERE campaign_id = :id AND account_id = :account""",
                new MapSqlParameterSource("request", requestId).addValue("error", cut(error)).addValue("id", id)
                        .addValue("account", accountId));
    }

    public Optional<Campaign> find(String id) {
        return jdbc.query("SELECT * FROM lifecycle_campaign WHERE id = :id", new MapSqlParameterSource("id", id),
                CAMPAIGNS).stream().findFirst();
    }

    /** Every row of the campaign, by account id. */
    public List<CampaignRow> rows(String id) {
        return jdbc.query("SELECT * FROM lifecycle_campaign_row WHERE campaign_id = :id ORDER BY account_id",
                new MapSqlParameterSource("id", id), ROWS);
    }

    public Optional<CampaignRow> row(String id, String accountId) {
        return jdbc.query("SELECT * FROM lifecycle_campaign_row WHERE campaign_id = :id AND account_id = :account",
                new MapSqlParameterSource("id", id).addValue("account", accountId), ROWS).stream().findFirst();
    }

    /** The hash of the token the row's notice carried, if one was issued. */
    public Optional<String> tokenHash(String id, String accountId) {
        return jdbc.queryForList("""
                SELECT token_hash FROM lifecycle_campaign_row
                WHERE campaign_id = :id AND account_id = :account AND token_hash IS NOT NULL""",
                new MapSqlParameterSource("id", id).addValue("account", accountId), String.class).stream().findFirst();
    }

    private static final RowMapper<Campaign> CAMPAIGNS = CampaignRepository::campaign;
    private static final RowMapper<CampaignRow> ROWS = CampaignRepository::row;

    private static Campaign campaign(ResultSet rs, int rowNumber) throws SQLException {
        String decision = rs.getString("decision");
        return new Campaign(rs.getString("id"), rs.getString("reconciliation_id"), rs.getString("requester"),
                rs.getString("process_instance_id"), decision == null ? null : Campaign.Decision.valueOf(decision),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_comment"),
                instant(rs, "notice_ends_at"), instant(rs, "created_at"), rs.getString("cancelled_by"),
                instant(rs, "cancelled_at"));
    }

    private static CampaignRow row(ResultSet rs, int rowNumber) throws SQLException {
        String notice = rs.getString("notice");
        return new CampaignRow(rs.getString("account_id"), rs.getString("email"),
                notice == null ? null : CampaignRow.Notice.valueOf(notice), rs.getString("notice_error"),
                CampaignRow.State.valueOf(rs.getString("state")), instant(rs, "kept_at"), rs.getString("request_id"),
                rs.getString("error"), instant(rs, "noticed_at"), instant(rs, "disabled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String cut(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
