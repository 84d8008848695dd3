package io.github.atlassianlifecycle.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.EvidenceLine;
import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationLedger;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;

/**
 * Reconciliations and their findings, in the plugin's own tables (migration V3). Findings are keyed by
 * {@link Finding#key()} within their reconciliation: saving them again (a retried classification) adds none twice.
 */
public class ReconciliationRepository {

    static final int MAX_REASON = 2000;
    private static final TypeReference<List<EvidenceLine>> EVIDENCE = new TypeReference<>() { };

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    // Its own mapper, like the request store's: what is stored must not change with the application's settings.
    // Only the records' components are stored, not their is...() questions.
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    public ReconciliationRepository(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void insert(StoredReconciliation reconciliation) {
        jdbc.update("""
                INSERT INTO lifecycle_reconciliation (id, dry_run, status, failure_reason, requested_by,
                  process_instance_id, directory_size, created_at, updated_at)
                VALUES (:id, :dryRun, :status, :reason, :requestedBy, :processInstanceId, :directorySize,
                  :createdAt, :updatedAt)""", new MapSqlParameterSource()
                .addValue("id", reconciliation.id())
                .addValue("dryRun", reconciliation.dryRun())
                .addValue("status", reconciliation.status().name())
                .addValue("reason", cut(reconciliation.failureReason()))
                .addValue("requestedBy", reconciliation.requestedBy())
                .addValue("processInstanceId", reconciliation.processInstanceId())
                .addValue("directorySize", reconciliation.directorySize())
                .addValue("createdAt", Timestamp.from(reconciliation.createdAt()))
                .addValue("updatedAt", Timestamp.from(reconciliation.updatedAt())));
    }

    public Optional<StoredReconciliation> find(String id) {
        return jdbc.query("SELECT * FROM lifecycle_reconciliation WHERE id = :id", new MapSqlParameterSource("id", id),
                ReconciliationRepository::reconciliation).stream().findFirst();
    }

    public Optional<StoredReconciliation> findByProcess(String processInstanceId) {
        return jdbc.query("SELECT * FROM lifecycle_reconciliation WHERE process_instance_id = :pi",
                new MapSqlParameterSource("pi", processInstanceId), ReconciliationRepository::reconciliation)
                .stream().findFirst();
    }

    public void attachProcess(String id, String processInstanceId) {
        update(id, "process_instance_id = :value", processInstanceId);
    }

    public void directorySize(String id, int size) {
        update(id, "directory_size = :value", size);
    }

    /** Moves the status on; a final status is never left (a late retry cannot reopen a finished reconciliation). */
    public boolean status(String id, ReconciliationStatus status, String failureReason) {
        return jdbc.update("""
                UPDATE lifecycle_reconciliation SET status = :status, failure_reason = :reason, updated_at = :now
                WHERE id = :id AND status NOT IN ('COMPLETED', 'FAILED')""", new MapSqlParameterSource("id", id)
                .addValue("status", status.name()).addValue("reason", cut(failureReason))
                .addValue("now", Timestamp.from(clock.instant()))) == 1;
    }

    /** Where this reconciliation keeps its read: progress per source and every page, each committed on its own. */
    public ReconciliationLedger ledger(String id) {
        return new JdbcLedger(id, jdbc, ownTransaction, json, clock);
    }

    /** Stores the findings not stored yet, in their order; returns how many were new. */
    public int saveFindings(String id, List<Finding> findings) {
        int added = 0;
        for (int position = 0; position < findings.size(); position++) {
            Finding finding = findings.get(position);
            added += jdbc.update("""
                    INSERT INTO lifecycle_reconciliation_finding (reconciliation_id, finding_key, position, account_id,
                      email, subject, kind, proposed_action, reason_code, rule_text, evidence)
                    SELECT :id, :key, :position, :accountId, :email, :subject, :kind, :action, :reasonCode, :rule,
                      :evidence
                    WHERE NOT EXISTS (SELECT 1 FROM lifecycle_reconciliation_finding
                      WHERE reconciliation_id = :id AND finding_key = :key)""", new MapSqlParameterSource("id", id)
                    .addValue("key", finding.key())
                    .addValue("position", position)
                    .addValue("accountId", finding.accountId())
                    .addValue("email", finding.email())
                    .addValue("subject", finding.subject())
                    .addValue("kind", finding.kind().name())
                    .addValue("action", finding.proposedAction().name())
                    .addValue("reasonCode", finding.reasonCode().name())
                    .addValue("rule", cut(finding.rule()))
                    .addValue("evidence", write(finding.evidence())));
        }
        return added;
    }

    /** The findings in the order they were classified. */
    public List<StoredFinding> findings(String id) {
        return jdbc.query("""
                SELECT * FROM lifecycle_reconciliation_finding WHERE reconciliation_id = :id
                ORDER BY position, finding_key""", new MapSqlParameterSource("id", id), (rs, n) -> finding(rs));
    }

    /** Records the reviewer's decision on one finding; false when the reconciliation has no such finding. */
    public boolean decide(String id, String findingKey, StoredFinding.Decision decision) {
        return jdbc.update("""
                UPDATE lifecycle_reconciliation_finding SET decision = :decision
                WHERE reconciliation_id = :id AND finding_key = :key""", new MapSqlParameterSource("id", id)
                .addValue("key", findingKey).addValue("decision", decision.name())) == 1;
    }

    /** Links the request an approved finding started; a finding starts one request, so a second link is refused. */
    public boolean linkRequest(String id, String findingKey, String requestId) {
        return jdbc.update("""
                UPDATE lifecycle_reconciliation_finding SET request_id = :requestId
                WHERE reconciliation_id = :id AND finding_key = :key AND request_id IS NULL""",
                new MapSqlParameterSource("id", id).addValue("key", findingKey).addValue("requestId", requestId)) == 1;
    }

    private void update(String id, String assignment, Object value) {
        jdbc.update("UPDATE lifecycle_reconciliation SET " + assignment + ", updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("value", value)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    private static StoredReconciliation reconciliation(ResultSet rs, int row) throws SQLException {
        int size = rs.getInt("directory_size");
        return new StoredReconciliation(rs.getString("id"), rs.getBoolean("dry_run"),
                ReconciliationStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"),
                rs.getString("requested_by"), rs.getString("process_instance_id"), rs.wasNull() ? null : size,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private StoredFinding finding(ResultSet rs) throws SQLException {
        Finding finding = new Finding(rs.getString("account_id"), rs.getString("email"), rs.getString("subject"),
                FindingKind.valueOf(rs.getString("kind")), ReasonCode.valueOf(rs.getString("reason_code")),
                rs.getString("rule_text"), read(rs.getString("evidence")));
        String decision = rs.getString("decision");
        return new StoredFinding(finding, decision == null ? null : StoredFinding.Decision.valueOf(decision),
                rs.getString("request_id"));
    }

    private String write(List<EvidenceLine> evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence could not be written as JSON", e);
        }
    }

    private List<EvidenceLine> read(String text) {
        try {
            return json.readValue(text, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not readable", e);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
