package io.github.atlassianlifecycle.reconciliation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductPresence;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationLedger;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage;

/**
 * A reconciliation's ledger in the database. Each page commits in a transaction of its own (not the caller's): a
 * job that dies after some pages rolls its own work back but keeps every page it saved, and its retry continues at
 * the saved cursor. The cursor row is moved on only from the cursor the page was read at, so two readers of the same
 * reconciliation never both save a page.
 */
final class JdbcLedger implements ReconciliationLedger {

    private final String reconciliationId;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcLedger(String reconciliationId, NamedParameterJdbcTemplate jdbc, TransactionTemplate ownTransaction,
            ObjectMapper json, Clock clock) {
        this.reconciliationId = reconciliationId;
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
        this.json = json;
        this.clock = clock;
    }

    /** A page's observations as stored. */
    record PageBody(List<DirectoryEntry> entries, List<ProductPresence> presences) {
    }

    @Override
    public Progress progress(String source) {
        List<Progress> rows = jdbc.query("""
                SELECT next_cursor, finished FROM lifecycle_reconciliation_cursor
                WHERE reconciliation_id = :id AND source = :source""", params().addValue("source", source),
                (rs, n) -> rs.getBoolean("finished") ? Progress.FINISHED : Progress.at(rs.getString("next_cursor")));
        return rows.isEmpty() ? Progress.NOT_STARTED : rows.get(0);
    }

    @Override
    public void savePage(String source, String readCursor, SourcePage page) {
        String body = write(new PageBody(page.entries(), page.presences()));
        Timestamp now = Timestamp.from(clock.instant());
        boolean finished = page.next().isEmpty();
        try {
            ownTransaction.executeWithoutResult(status -> {
                int pageNumber;
                MapSqlParameterSource params = params().addValue("source", source)
                        .addValue("readCursor", readCursor).addValue("next", page.nextCursor())
                        .addValue("finished", finished).addValue("now", now);
                if (readCursor == null && progress(source).equals(Progress.NOT_STARTED)) {
                    jdbc.update("""
                            INSERT INTO lifecycle_reconciliation_cursor
                              (reconciliation_id, source, next_cursor, finished, pages, updated_at)
                            VALUES (:id, :source, :next, :finished, 1, :now)""", params);
                    pageNumber = 1;
                } else {
                    int moved = jdbc.update("""
                            UPDATE lifecycle_reconciliation_cursor
                            SET next_cursor = :next, finished = :finished, pages = pages + 1, updated_at = :now
                            WHERE reconciliation_id = :id AND source = :source AND finished = FALSE
                              AND next_cursor IS NOT DISTINCT FROM :readCursor""", params);
                    if (moved != 1) {
                        throw new ConcurrentReadException(source, readCursor);
                    }
                    pageNumber = jdbc.queryForObject("""
                            SELECT pages FROM lifecycle_reconciliation_cursor
                            WHERE reconciliation_id = :id AND source = :source""", params, Integer.class);
                }
                jdbc.update("""
                        INSERT INTO lifecycle_reconciliation_page
                          (reconciliation_id, source, page, observations, read_at)
                        VALUES (:id, :source, :page, :body, :now)""",
                        params.addValue("page", pageNumber).addValue("body", body));
            });
        } catch (DuplicateKeyException concurrent) {
            throw new ConcurrentReadException(source, readCursor);
        }
    }

    @Override
    public Observations observations() {
        List<DirectoryEntry> entries = new ArrayList<>();
        List<ProductPresence> presences = new ArrayList<>();
        jdbc.query("""
                SELECT observations FROM lifecycle_reconciliation_page WHERE reconciliation_id = :id ORDER BY id""",
                params(), rs -> {
                    PageBody body = read(rs.getString("observations"));
                    entries.addAll(body.entries());
                    presences.addAll(body.presences());
                });
        return new Observations(entries, presences);
    }

    private MapSqlParameterSource params() {
        return new MapSqlParameterSource("id", reconciliationId);
    }

    private String write(PageBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page of observations could not be written as JSON", e);
        }
    }

    private PageBody read(String text) {
        try {
            PageBody body = json.readValue(text, PageBody.class);
            return new PageBody(body.entries() == null ? List.of() : body.entries(),
                    body.presences() == null ? List.of() : body.presences());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored page of observations is not readable", e);
        }
    }
}
