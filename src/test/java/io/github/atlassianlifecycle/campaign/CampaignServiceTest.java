package io.github.atlassianlifecycle.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.reconciliation.ReconciliationView;
import io.github.atlassianlifecycle.reconciliation.StoredFinding;
import io.github.atlassianlifecycle.reconciliation.StoredReconciliation;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestService;
import io.github.atlassianlifecycle.request.RequestStoreMigrations;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.request.SubmitResult;

/**
 * The campaign rules on the H2 store, without an engine: the reconciliation and the request rules are stand-ins, the
 * clock is moved by hand, and notices go to a channel that remembers them (the only place a token appears).
 */
class CampaignServiceTest {

    static final String KEY = "a-test-keep-link-key-of-32-characters!";
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final String RECONCILIATION = "00000000-0000-0000-0000-00000000000a";
    static final String OTHER_RECONCILIATION = "00000000-0000-0000-0000-00000000000c";

    final MovingClock clock = new MovingClock(NOW);
    final ReconciliationService reconciliations = mock(ReconciliationService.class);
    final RequestService requests = mock(RequestService.class);
    final List<NotificationChannel.Notice> sent = new ArrayList<>();
    final List<String> startedProcesses = new ArrayList<>();
    CampaignRepository repository;
    CampaignService service;

    @BeforeEach
    void setUp() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:campaign-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new RequestStoreMigrations(database).migrate();
        repository = new CampaignRepository(new NamedParameterJdbcTemplate(database));
        service = service(notice -> {
            sent.add(notice);
            return Optional.empty();
        });
        reconciliation(ReconciliationStatus.COMPLETED, inactive("acc-1", null), inactive("acc-2", null),
                inactive("acc-3", null), inactive("acc-4", "req-already"),
                new StoredFinding(new Finding("acc-5", "e5@x.example", "acc-5", FindingKind.ORPHANED_ORG_ACCOUNT,
                        ReasonCode.OTHER, "orphaned", List.of()), null, null));
        when(requests.submit(any(), anyString(), anyString(), anyString())).thenAnswer(call -> {
            StoredRequest stored = mock(StoredRequest.class);
            when(stored.id()).thenReturn("request-of-" + ((NewRequest) call.getArgument(0)).accountId());
            return new SubmitResult.Accepted(stored, false);
        });
    }

    final List<String> cancelledProcesses = new ArrayList<>();
    final CampaignEngine engine = new CampaignEngine() {
        @Override
        public String start(Campaign campaign) {
            startedProcesses.add(campaign.id());
            return "pi-" + campaign.id();
        }

        @Override
        public void cancel(Campaign campaign, String by) {
            cancelledProcesses.add(campaign.id() + " by " + by);
        }
    };

    CampaignService service(NotificationChannel channel) {
        return new CampaignService(repository, engine, reconciliations, requests, channel, Optional.of(new KeepTokens(KEY)), Duration.ofDays(14),
                new TransactionTemplate(mock(PlatformTransactionManager.class)), clock);
    }

    @Test
    void a_campaign_takes_only_the_inactive_findings_no_request_took_up_and_starts_its_approval() {
        Campaign campaign = service.create(RECONCILIATION, "automation");

        assertThat(service.rows(campaign.id())).extracting(CampaignRow::accountId)
                .containsExactly("acc-1", "acc-2", "acc-3");
        assertThat(service.rows(campaign.id())).allMatch(row -> row.state() == CampaignRow.State.PENDING);
        assertThat(startedProcesses).containsExactly(campaign.id());
        assertThat(campaign.requester()).isEqualTo("automation");
    }

    @Test
    void a_reconciliation_still_in_review_or_unknown_makes_no_campaign_and_stores_nothing() {
        reconciliation(ReconciliationStatus.IN_REVIEW, inactive("acc-1", null));
        assertThatThrownBy(() -> service.create(RECONCILIATION, "automation"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> service.create("00000000-0000-0000-0000-00000000000b", "automation"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no reconciliation");
        assertThat(startedProcesses).isEmpty();
    }

    @Test
    void without_a_keep_link_key_no_campaign_starts_and_no_link_is_accepted() {
        CampaignService keyless = new CampaignService(repository, engine, reconciliations, requests,
                NotificationChannel.NONE, Optional.empty(), Duration.ofDays(14),
                new TransactionTemplate(mock(PlatformTransactionManager.class)), clock);

        assertThatThrownBy(() -> keyless.create(RECONCILIATION, "automation"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("atlassian.inactivity.keep-link-key");
        assertThat(keyless.keep("anything.at-all")).isEqualTo(KeepOutcome.UNAVAILABLE);
    }

    @Test
    void one_person_keeps_access_and_everyone_else_gets_a_disable_request_of_their_own_with_reason_code_inactivity() {
        String id = approvedCampaignWithNotices();
        Map<String, String> tokens = tokensByAccount();

        assertThat(service.keep(tokens.get("acc-2"))).isEqualTo(KeepOutcome.KEPT);
        clock.move(Duration.ofDays(14));
        assertThat(service.disableUnkept(id, "security")).isEqualTo(2);

        Map<String, CampaignRow> rows = rows(id);
        assertThat(rows.get("acc-2").state()).isEqualTo(CampaignRow.State.KEPT);
        assertThat(rows.get("acc-2").requestId()).isNull();
        assertThat(rows.get("acc-1").state()).isEqualTo(CampaignRow.State.DISABLED);
        assertThat(rows.get("acc-1").requestId()).isEqualTo("request-of-acc-1");
        assertThat(rows.get("acc-3").requestId()).isEqualTo("request-of-acc-3");
        verify(requests).submit(eq(new NewRequest(LifecycleAction.DISABLE, "acc-1", null, null, List.of(),
                "Inactivity campaign " + id + ": no activity, and access not kept by the end of the notice period",
                "INACTIVITY")), eq("security"), eq("campaign:" + id + ":acc-1"), anyString());
        verify(requests, never()).submit(any(), anyString(), eq("campaign:" + id + ":acc-2"), anyString());
    }

    @Test
    void a_disable_step_run_twice_starts_no_second_request() {
        String id = approvedCampaignWithNotices();
        service.disableUnkept(id, "security");
        assertThat(service.disableUnkept(id, "security")).isEqualTo(3);
        verify(requests).submit(any(), anyString(), eq("campaign:" + id + ":acc-1"), anyString());
    }

    @Test
    void a_used_link_answers_already_used_the_second_time_and_changes_nothing() {
        String id = approvedCampaignWithNotices();
        String token = tokensByAccount().get("acc-1");
        assertThat(service.keep(token)).isEqualTo(KeepOutcome.KEPT);
        Instant keptAt = rows(id).get("acc-1").keptAt();

        clock.move(Duration.ofMinutes(5));
        assertThat(service.check(token)).isEqualTo(KeepOutcome.ALREADY_USED);
        assertThat(service.keep(token)).isEqualTo(KeepOutcome.ALREADY_USED);
        assertThat(rows(id).get("acc-1").keptAt()).isEqualTo(keptAt);
    }

    @Test
    void checking_a_link_as_a_mail_scanner_would_changes_nothing() {
        String id = approvedCampaignWithNotices();
        String token = tokensByAccount().get("acc-1");

        assertThat(service.check(token)).isEqualTo(KeepOutcome.KEPT);
        assertThat(service.check(token)).isEqualTo(KeepOutcome.KEPT);
        assertThat(rows(id).get("acc-1").state()).isEqualTo(CampaignRow.State.PENDING);
    }

    @Test
    void a_link_used_at_the_end_of_the_notice_period_is_expired_and_changes_nothing() {
        String id = approvedCampaignWithNotices();
        String token = tokensByAccount().get("acc-1");

        clock.move(Duration.ofDays(14));
        assertThat(service.keep(token)).isEqualTo(KeepOutcome.EXPIRED);
        assertThat(rows(id).get("acc-1").state()).isEqualTo(CampaignRow.State.PENDING);
        assertThat(service.disableUnkept(id, "security")).isEqualTo(3);
    }

    @Test
    void a_forged_link_or_one_signed_for_another_campaign_or_person_is_invalid_and_changes_nothing() {
        String id = approvedCampaignWithNotices();
        String token = tokensByAccount().get("acc-1");
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        KeepTokens sameKey = new KeepTokens(KEY);
        Instant endsAt = service.find(id).orElseThrow().noticeEndsAt();

        assertThat(service.keep(forged)).isEqualTo(KeepOutcome.INVALID);
        assertThat(service.keep(new KeepTokens(KEY + "-other").issue(id, "acc-1", endsAt)))
                .isEqualTo(KeepOutcome.INVALID);
        // Signed with the right key, but never the token of that row (a leaked key alone opens no row).
        assertThat(service.keep(sameKey.issue(id, "acc-1", endsAt))).isEqualTo(KeepOutcome.INVALID);
        assertThat(service.keep(sameKey.issue(UUID.randomUUID().toString(), "acc-1", endsAt)))
                .isEqualTo(KeepOutcome.INVALID);
        assertThat(service.keep("not-a-token")).isEqualTo(KeepOutcome.INVALID);
        assertThat(rows(id).values()).allMatch(row -> row.state() == CampaignRow.State.PENDING);
    }

    @Test
    void a_second_campaign_from_the_same_reconciliation_is_refused_naming_the_open_one_and_stores_nothing() {
        Campaign first = service.create(RECONCILIATION, "automation");

        assertThatThrownBy(() -> service.create(RECONCILIATION, "security"))
                .isInstanceOf(CampaignConflictException.class).hasMessageContaining(first.id())
                .satisfies(e -> assertThat(((CampaignConflictException) e).campaignId()).isEqualTo(first.id()));
        assertThat(startedProcesses).containsExactly(first.id());
    }

    @Test
    void a_person_already_waiting_in_an_open_campaign_is_not_put_into_a_second_one() {
        String first = approvedCampaignWithNotices();
        String firstToken = tokensByAccount().get("acc-1");
        when(reconciliations.view(OTHER_RECONCILIATION)).thenReturn(Optional.of(new ReconciliationView(
                new StoredReconciliation(OTHER_RECONCILIATION, true, ReconciliationStatus.COMPLETED, null, "security",
                        OTHER_RECONCILIATION, 5, NOW, NOW), List.of(inactive("acc-1", null), inactive("acc-6", null)))));

        Campaign second = service.create(OTHER_RECONCILIATION, "automation");

        assertThat(service.rows(second.id())).extracting(CampaignRow::accountId).containsExactly("acc-6");
        assertThat(service.keep(firstToken)).isEqualTo(KeepOutcome.KEPT);
        assertThat(rows(first).get("acc-1").state()).isEqualTo(CampaignRow.State.KEPT);
    }

    @Test
    void a_reconciliation_whose_people_all_wait_in_open_campaigns_makes_no_campaign() {
        service.create(RECONCILIATION, "automation");
        when(reconciliations.view(OTHER_RECONCILIATION)).thenReturn(Optional.of(new ReconciliationView(
                new StoredReconciliation(OTHER_RECONCILIATION, true, ReconciliationStatus.COMPLETED, null, "security",
                        OTHER_RECONCILIATION, 5, NOW, NOW), List.of(inactive("acc-2", null)))));

        assertThatThrownBy(() -> service.create(OTHER_RECONCILIATION, "automation"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acc-2")
                .hasMessageContaining("open campaign");
        assertThat(startedProcesses).hasSize(1);
    }

    @Test
    void a_campaign_cancelled_in_its_notice_period_disables_nobody_and_its_links_answer_cancelled() {
        String id = approvedCampaignWithNotices();
        String token = tokensByAccount().get("acc-1");
        assertThat(service.keep(tokensByAccount().get("acc-2"))).isEqualTo(KeepOutcome.KEPT);

        Campaign cancelled = service.cancel(id, "security");

        assertThat(cancelled.cancelledBy()).isEqualTo("security");
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW);
        assertThat(cancelledProcesses).containsExactly(id + " by security");
        assertThat(rows(id).get("acc-1").state()).isEqualTo(CampaignRow.State.CANCELLED);
        assertThat(rows(id).get("acc-2").state()).as("a keep stays a keep").isEqualTo(CampaignRow.State.KEPT);
        assertThat(service.check(token)).isEqualTo(KeepOutcome.CANCELLED);
        assertThat(service.keep(token)).isEqualTo(KeepOutcome.CANCELLED);
        clock.move(Duration.ofDays(14));
        assertThat(service.disableUnkept(id, "security")).isZero();
        verify(requests, never()).submit(any(), anyString(), anyString(), anyString());
        assertThatThrownBy(() -> service.cancel(id, "security")).isInstanceOf(CampaignConflictException.class)
                .hasMessageContaining("cancelled already");
    }

    @Test
    void a_campaign_whose_disables_started_cannot_be_cancelled_and_a_cancelled_one_frees_its_reconciliation() {
        String id = approvedCampaignWithNotices();
        clock.move(Duration.ofDays(14));
        service.disableUnkept(id, "security");

        assertThatThrownBy(() -> service.cancel(id, "security")).isInstanceOf(CampaignConflictException.class)
                .hasMessageContaining("disables have started");
        assertThat(service.find(id).orElseThrow().cancelledAt()).isNull();
        assertThat(cancelledProcesses).isEmpty();

        when(reconciliations.view(OTHER_RECONCILIATION)).thenReturn(Optional.of(new ReconciliationView(
                new StoredReconciliation(OTHER_RECONCILIATION, true, ReconciliationStatus.COMPLETED, null, "security",
                        OTHER_RECONCILIATION, 5, NOW, NOW), List.of(inactive("acc-7", null)))));
        String second = service.create(OTHER_RECONCILIATION, "automation").id();
        service.cancel(second, "security");
        Campaign third = service.create(OTHER_RECONCILIATION, "automation");
        assertThat(third.id()).as("the reconciliation and its people are free again").isNotEqualTo(second);
        assertThat(service.rows(third.id())).extracting(CampaignRow::accountId).containsExactly("acc-7");
    }

    @Test
    void the_report_has_the_time_of_each_notice_keep_and_disable() {
        String id = approvedCampaignWithNotices();
        clock.move(Duration.ofHours(2));
        service.keep(tokensByAccount().get("acc-2"));
        clock.move(Duration.ofDays(14));
        service.disableUnkept(id, "security");

        Map<String, CampaignRow> rows = rows(id);
        assertThat(rows.get("acc-1").noticedAt()).isEqualTo(NOW);
        assertThat(rows.get("acc-2").keptAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(rows.get("acc-2").disabledAt()).isNull();
        assertThat(rows.get("acc-1").disabledAt()).isEqualTo(NOW.plus(Duration.ofHours(2)).plus(Duration.ofDays(14)));
    }

    @Test
    void without_a_channel_each_row_says_notice_not_sent_no_channel() {
        service = service(NotificationChannel.NONE);
        Campaign campaign = service.create(RECONCILIATION, "automation");
        service.decide(campaign.id(), "security", true, null);
        service.sendNotices(campaign.id());

        assertThat(service.rows(campaign.id())).allSatisfy(row -> {
            assertThat(row.notice()).isEqualTo(CampaignRow.Notice.NOT_SENT);
            assertThat(row.noticeError()).isEqualTo("notice not sent: no channel");
        });
    }

    @Test
    void notices_sent_again_by_a_retried_step_go_only_to_rows_not_yet_noticed_and_keep_the_first_end() {
        String id = approvedCampaignWithNotices();
        Instant endsAt = service.find(id).orElseThrow().noticeEndsAt();
        clock.move(Duration.ofHours(1));

        assertThat(service.sendNotices(id)).isEqualTo(endsAt).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(sent).hasSize(3);
        assertThat(sent).allSatisfy(notice -> assertThat(notice.toString()).doesNotContain(
                notice.keepPath().substring(CampaignService.KEEP_PATH.length())));
    }

    String approvedCampaignWithNotices() {
        Campaign campaign = service.create(RECONCILIATION, "automation");
        assertThat(service.decide(campaign.id(), "security", true, "go")).isTrue();
        service.sendNotices(campaign.id());
        return campaign.id();
    }

    Map<String, String> tokensByAccount() {
        return sent.stream().collect(Collectors.toMap(NotificationChannel.Notice::accountId,
                notice -> notice.keepPath().substring(CampaignService.KEEP_PATH.length())));
    }

    Map<String, CampaignRow> rows(String id) {
        return service.rows(id).stream().collect(Collectors.toMap(CampaignRow::accountId, Function.identity()));
    }

    void reconciliation(ReconciliationStatus status, StoredFinding... findings) {
        when(reconciliations.view(anyString())).thenReturn(Optional.empty());
        when(reconciliations.view(RECONCILIATION)).thenReturn(Optional.of(new ReconciliationView(
                new StoredReconciliation(RECONCILIATION, true, status, null, "security", RECONCILIATION, 5, NOW, NOW),
                List.of(findings))));
    }

    static StoredFinding inactive(String accountId, String requestId) {
        return new StoredFinding(new Finding(accountId, accountId + "@x.example", accountId, FindingKind.INACTIVE,
                ReasonCode.INACTIVITY, "no activity for 90 days", List.of()),
                requestId == null ? null : StoredFinding.Decision.APPROVED, requestId);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
