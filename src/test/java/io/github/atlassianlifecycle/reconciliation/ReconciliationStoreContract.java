package io.github.atlassianlifecycle.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectorySource;
import io.github.atlassianlifecycle.lifecycle.reconcile.EvidenceLine;
import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.Product;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductPresence;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconcileSettings;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ReconcileSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.Reconciler;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationLedger;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationLedger.ConcurrentReadException;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationLedger.Progress;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage;
import io.github.atlassianlifecycle.request.RequestStoreMigrations;

/**
 * The reconciliation store, the same on every database the plugin supports (H2 in {@code ReconciliationStoreTest},
 * PostgreSQL in {@code ReconciliationStorePostgresIT}): pages survive the caller's rollback, a read resumes at its
 * saved cursor from another ledger object (another node, after a crash), nothing is saved twice.
 */
abstract class ReconciliationStoreContract {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    DataSource database;
    DataSourceTransactionManager transactions;
    ReconciliationRepository repository;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    abstract DataSource freshDatabase() throws Exception;

    @BeforeEach
    void migrate() throws Exception {
        database = freshDatabase();
        new RequestStoreMigrations(database).migrate();
        transactions = new DataSourceTransactionManager(database);
        repository = new ReconciliationRepository(new NamedParameterJdbcTemplate(database), transactions, clock);
    }

    @Test
    void a_reconciliation_is_stored_and_never_leaves_a_final_status() {
        repository.insert(reconciliation("r-1"));
        repository.attachProcess("r-1", "pi-1");
        repository.directorySize("r-1", 1000);
        assertThat(repository.status("r-1", ReconciliationStatus.IN_REVIEW, null)).isTrue();
        assertThat(repository.status("r-1", ReconciliationStatus.FAILED, "x".repeat(3000))).isTrue();
        assertThat(repository.status("r-1", ReconciliationStatus.COMPLETED, null)).isFalse();

        StoredReconciliation stored = repository.findByProcess("pi-1").orElseThrow();
        assertThat(stored.id()).isEqualTo("r-1");
        assertThat(stored.status()).isEqualTo(ReconciliationStatus.FAILED);
        assertThat(stored.failureReason()).hasSize(ReconciliationRepository.MAX_REASON);
        assertThat(stored.directorySize()).isEqualTo(1000);
        assertThat(stored.dryRun()).isTrue();
        assertThat(repository.find("unknown")).isEmpty();
    }

    @Test
    void a_saved_page_outlives_the_callers_rollback_and_another_ledger_resumes_at_its_cursor() {
        repository.insert(reconciliation("r-1"));
        TransactionTemplate job = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> job.executeWithoutResult(status -> {
            ReconciliationLedger ledger = repository.ledger("r-1");
            ledger.savePage("directory", null, page(0, "1"));
            throw new IllegalStateException("the job died");
        })).hasMessage("the job died");

        ReconciliationLedger resumed = repository.ledger("r-1");
        assertThat(resumed.progress("directory")).isEqualTo(Progress.at("1"));
        assertThat(resumed.progress("jira")).isEqualTo(Progress.NOT_STARTED);
        assertThat(resumed.observations().entries()).extracting(DirectoryEntry::accountId)
                .containsExactly("p0u0", "p0u1");
        assertThat(resumed.observations().presences()).singleElement()
                .satisfies(presence -> assertThat(presence.groups()).containsExactly("jira-software-users"));
    }

    @Test
    void a_page_from_a_cursor_already_moved_on_is_refused_and_saves_nothing() {
        repository.insert(reconciliation("r-1"));
        ReconciliationLedger first = repository.ledger("r-1");
        ReconciliationLedger second = repository.ledger("r-1");
        first.savePage("directory", null, page(0, "1"));
        assertThatThrownBy(() -> second.savePage("directory", null, page(0, "1")))
                .isInstanceOf(ConcurrentReadException.class);
        first.savePage("directory", "1", page(1, null));
        assertThatThrownBy(() -> second.savePage("directory", "1", page(1, null)))
                .isInstanceOf(ConcurrentReadException.class);
        assertThat(first.progress("directory").finished()).isTrue();
        assertThat(second.observations().entries()).hasSize(4);
    }

    @Test
    void a_read_killed_halfway_continues_where_it_stopped_and_reports_each_finding_once() {
        repository.insert(reconciliation("r-1"));
        PagedDirectory directory = new PagedDirectory(6);
        Reconciler reconciler = new Reconciler(directory, List.of(), ReconcileSettings.defaults(), clock);
        directory.failAt = "3";
        assertThatThrownBy(() -> reconciler.read(repository.ledger("r-1"))).hasMessageContaining("page 3");
        List<Finding> early = reconciler.classify(repository.ledger("r-1"));
        repository.saveFindings("r-1", early);

        directory.failAt = null;
        Reconciler afterRestart = new Reconciler(directory, List.of(), ReconcileSettings.defaults(), clock);
        afterRestart.read(repository.ledger("r-1"));
        List<Finding> all = afterRestart.classify(repository.ledger("r-1"));
        assertThat(repository.saveFindings("r-1", all)).isEqualTo(all.size() - early.size());
        assertThat(repository.saveFindings("r-1", all)).isZero();

        assertThat(directory.reads).containsExactly("first", "1", "2", "3", "3", "4", "5");
        assertThat(repository.findings("r-1")).hasSize(12)
                .extracting(stored -> stored.finding().key()).doesNotHaveDuplicates();
    }

    @Test
    void findings_come_back_with_their_evidence_decision_and_the_one_request_they_started() {
        repository.insert(reconciliation("r-1"));
        Finding finding = new Finding("acc-1", "ada@example.com", "acc-1", FindingKind.INACTIVE,
                ReasonCode.INACTIVITY, "no product activity since ...",
                List.of(new EvidenceLine("organizations.searchUsers", "status=active", NOW)));
        repository.saveFindings("r-1", List.of(finding));
        assertThat(repository.decide("r-1", finding.key(), StoredFinding.Decision.APPROVED)).isTrue();
        assertThat(repository.decide("r-1", "INACTIVE:nobody", StoredFinding.Decision.APPROVED)).isFalse();
        assertThat(repository.linkRequest("r-1", finding.key(), "req-1")).isTrue();
        assertThat(repository.linkRequest("r-1", finding.key(), "req-2")).as("one request per finding").isFalse();

        StoredFinding stored = repository.findings("r-1").get(0);
        assertThat(stored.finding()).isEqualTo(finding);
        assertThat(stored.decision()).isEqualTo(StoredFinding.Decision.APPROVED);
        assertThat(stored.requestId()).isEqualTo("req-1");
    }

    // ---- helpers

    static StoredReconciliation reconciliation(String id) {
        Instant now = NOW.truncatedTo(ChronoUnit.MILLIS);
        return new StoredReconciliation(id, true, ReconciliationStatus.RUNNING, null, "security", null, null, now,
                now);
    }

    static SourcePage page(int page, String next) {
        return new SourcePage(entries(page), List.of(new ProductPresence(Product.JIRA, "p" + page + "u0", null, null,
                true, true, Set.of("jira-software-users"), NOW)), next);
    }

    static List<DirectoryEntry> entries(int page) {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = "p" + page + "u" + i;
            entries.add(new DirectoryEntry(id, id + "@example.com", "atlassian", "active", "active", "active", false,
                    NOW.minus(Duration.ofDays(400)), null, null, NOW));
        }
        return entries;
    }

    /** A directory of idle users, two a page; cursors are page numbers. */
    static final class PagedDirectory implements ReconcileSource {
        final int pages;
        final List<String> reads = new ArrayList<>();
        String failAt;

        PagedDirectory(int pages) {
            this.pages = pages;
        }

        @Override
        public String name() {
            return DirectorySource.NAME;
        }

        @Override
        public SourcePage read(String cursor) {
            reads.add(cursor == null ? "first" : cursor);
            if (cursor != null && cursor.equals(failAt)) {
                throw new IllegalStateException("page " + cursor + " failed");
            }
            int page = cursor == null ? 0 : Integer.parseInt(cursor);
            return new SourcePage(entries(page), List.of(), page + 1 < pages ? String.valueOf(page + 1) : null);
        }
    }
}
