package io.github.atlassianlifecycle.lifecycle.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectorySource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ReconcileSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage;

/** The read loop: every page once, in order, resumed at the saved cursor after a failure. */
class ReconcilerTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void a_read_that_fails_halfway_resumes_at_the_saved_cursor_and_reports_each_finding_once() {
        PagedDirectory directory = new PagedDirectory(5, 3);
        InMemoryLedger ledger = new InMemoryLedger();
        Reconciler reconciler = new Reconciler(directory, List.of(), ReconcileSettings.defaults(), clock);

        directory.failAt = "2";
        assertThatThrownBy(() -> reconciler.read(ledger)).hasMessageContaining("page 2 failed");
        assertThat(ledger.progress(DirectorySource.NAME)).isEqualTo(ReconciliationLedger.Progress.at("2"));

        directory.failAt = null;
        reconciler.read(ledger);
        assertThat(directory.reads).containsExactly("first", "1", "2", "2", "3", "4");
        assertThat(ledger.progress(DirectorySource.NAME).finished()).isTrue();
        List<Finding> findings = reconciler.classify(ledger);
        assertThat(findings).hasSize(15);
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates();
    }

    @Test
    void a_finished_read_reads_nothing_again() {
        PagedDirectory directory = new PagedDirectory(2, 1);
        InMemoryLedger ledger = new InMemoryLedger();
        Reconciler reconciler = new Reconciler(directory, List.of(), ReconcileSettings.defaults(), clock);
        reconciler.read(ledger);
        reconciler.read(ledger);
        assertThat(directory.reads).containsExactly("first", "1");
        assertThat(Reconciler.directorySize(ledger)).isEqualTo(2);
    }

    @Test
    void a_cursor_that_never_ends_is_stopped() {
        ReconcileSource endless = new ReconcileSource() {
            @Override
            public String name() {
                return "endless";
            }

            @Override
            public SourcePage read(String cursor) {
                return new SourcePage(List.of(), List.of(), "again");
            }
        };
        Reconciler reconciler = new Reconciler(endless, List.of(), ReconcileSettings.defaults(), clock);
        assertThatThrownBy(() -> reconciler.read(new InMemoryLedger())).hasMessageContaining("more than");
    }

    /** A directory of idle users, {@code perPage} a page; cursors are page numbers. */
    static final class PagedDirectory implements ReconcileSource {
        final int pages;
        final int perPage;
        final List<String> reads = new ArrayList<>();
        String failAt;

        PagedDirectory(int pages, int perPage) {
            this.pages = pages;
            this.perPage = perPage;
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
            List<DirectoryEntry> entries = new ArrayList<>();
            for (int i = 0; i < perPage; i++) {
                String id = "p" + page + "u" + i;
                entries.add(new DirectoryEntry(id, id + "@example.com", "atlassian", "active", "active", "active",
                        false, NOW.minus(Duration.ofDays(400)), null, null, NOW));
            }
            return new SourcePage(entries, List.of(), page + 1 < pages ? String.valueOf(page + 1) : null);
        }
    }

    @Test
    void settings_refuse_a_non_positive_inactivity_period() {
        assertThatThrownBy(() -> new ReconcileSettings(Duration.ZERO, Set.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
