package io.github.atlassianlifecycle.process;

import static io.github.atlassianlifecycle.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignEngine;
import io.github.atlassianlifecycle.campaign.CampaignRepository;
import io.github.atlassianlifecycle.campaign.CampaignRow;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.campaign.KeepTokens;
import io.github.atlassianlifecycle.campaign.NotificationChannel;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectorySource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.Product;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductPresence;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconcileSettings;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ReconcileSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.Reconciler;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage;
import io.github.atlassianlifecycle.process.campaign.StartReviewCampaignDelegate;
import io.github.atlassianlifecycle.process.reconcile.BeginReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.ClassifyReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.FinishReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.ReadReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.ReconcileSchedule;
import io.github.atlassianlifecycle.process.reconcile.ReviewTaskListener;
import io.github.atlassianlifecycle.process.reconcile.StartNightlyReconciliationDelegate;
import io.github.atlassianlifecycle.process.reconcile.StartReconciliationRequestsDelegate;
import io.github.atlassianlifecycle.reconciliation.ReconciliationRepository;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.reconciliation.StoredFinding;
import io.github.atlassianlifecycle.reconciliation.StoredReconciliation;
import io.github.atlassianlifecycle.request.RequestEngine;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;
import io.github.atlassianlifecycle.request.RequestStoreMigrations;
import io.github.atlassianlifecycle.request.StoredRequest;

/**
 * {@code account-reconcile} in the process engine: its paths (dry run, review, exclusions, the mass-change guard
 * and its four eyes, failures, the timer), over the real reconciliation rules and store and the real request rules,
 * with a directory of idle accounts for Atlassian and a recording port for the lifecycle processes.
 */
@Deployment(resources = { "atlassian-lifecycle/account-reconcile.bpmn", "atlassian-lifecycle/account-reconcile-nightly.bpmn",
        "atlassian-lifecycle/reconcile-review.form",
        "atlassian-lifecycle/confirm-mass-change.form" })
class AccountReconcileProcessTest {

    static final String KEY = "account-reconcile";
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(ProcessTestSupport.ENGINE_CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

    ProcessTestSupport process;
    ProcessEngine engine;
    ReconciliationRepository store;
    IdleDirectory directory = new IdleDirectory(3);
    RecordingStarts starts = new RecordingStarts();
    final List<Campaign> campaigns = new ArrayList<>();
    java.util.function.Function<String, List<CampaignRow>> campaignRows;
    ReconcileSettings settings = ReconcileSettings.defaults();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        process = new ProcessTestSupport(engine);
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:reconcile-process-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new RequestStoreMigrations(database).migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
        store = new ReconciliationRepository(jdbc, transactions, clock);
        RequestService requests = new RequestService(starts, request -> {
                    throw new AssertionError("a reconciliation never dry-runs its requests");
                }, new RequestRepository(jdbc),
                new TransactionTemplate(transactions), clock);
        ReconciliationService service = new ReconciliationService(store,
                () -> new Reconciler(directory, List.of(), settings, clock), requests, clock);
        Mocks.register("reconcileSchedule", new ReconcileSchedule("0 0 2 * * ?"));
        Mocks.register("beginReconciliation", new BeginReconciliationDelegate(service));
        Mocks.register("readReconciliation", new ReadReconciliationDelegate(service));
        Mocks.register("classifyReconciliation", new ClassifyReconciliationDelegate(service));
        Mocks.register("startReconciliationRequests", new StartReconciliationRequestsDelegate(service));
        Mocks.register("finishReconciliation", new FinishReconciliationDelegate(service, false));
        Mocks.register("failReconciliation", new FinishReconciliationDelegate(service, true));
        Mocks.register("reconcileReviewListener", new ReviewTaskListener(service, () -> true));
        CampaignService campaignService = new CampaignService(new CampaignRepository(jdbc), new CampaignEngine() {
            @Override
            public String start(Campaign campaign) {
                campaigns.add(campaign);
                return "pi-" + campaign.id();
            }

            @Override
            public void cancel(Campaign campaign, String by) {
                throw new AssertionError("a reconciliation cancels no campaign");
            }
        }, service, requests, NotificationChannel.NONE, Optional.of(new KeepTokens("a-test-keep-link-key-of-32-characters!")),
                Duration.ofDays(14), new TransactionTemplate(transactions), clock);
        campaignRows = campaignService::rows;
        Mocks.register("startReviewCampaign", new StartReviewCampaignDelegate(campaignService));
        Mocks.register("startNightlyReconciliation", new StartNightlyReconciliationDelegate());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void a_dry_run_reports_its_findings_and_starts_nothing() {
        ProcessInstance instance = start(vars("dryRun", true));
        assertThat(status(instance)).isEqualTo(ReconciliationStatus.RUNNING);
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("read", "classify", "finish", "end-completed").hasNotPassed("review");
        assertThat(status(instance)).isEqualTo(ReconciliationStatus.COMPLETED);
        assertThat(store.findings(instance.getId())).extracting(f -> f.finding().kind())
                .containsOnly(FindingKind.INACTIVE).hasSize(3);
        assertThat(store.find(instance.getId()).orElseThrow().requestedBy()).isEqualTo("security");
        assertThat(starts.started).isEmpty();
    }

    @Test
    void a_clean_directory_completes_without_a_review() {
        directory = new IdleDirectory(0);
        ProcessInstance instance = start(vars("dryRun", false));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-completed").hasNotPassed("review");
        assertThat(store.findings(instance.getId())).isEmpty();
    }

    @Test
    void the_review_approves_a_subset_and_exactly_those_requests_start_as_the_reviewer() {
        ProcessInstance instance = awaitingReview();
        assertThat(task(instance)).hasCandidateGroup("lifecycle-security");
        assertThat(status(instance)).isEqualTo(ReconciliationStatus.IN_REVIEW);
        assertThat((String) process.variable(instance, "findingsText")).contains("INACTIVE:idle-1 — idle-1@example.com");

        process.completeAs("security", task(instance), vars("approved", true, "excludedFindings", "INACTIVE:idle-2",
                "comment", "idle-2 is on parental leave"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("start-requests", "end-completed").hasNotPassed("confirm-mass-change");
        assertThat(starts.started).extracting(StoredRequest::accountId).containsExactly("idle-1", "idle-3");
        assertThat(starts.started).extracting(StoredRequest::requester).containsOnly("security");
        assertThat(starts.started).extracting(StoredRequest::reasonCode).containsOnly("INACTIVITY");
        assertThat(starts.started.get(0).reason()).startsWith("Reconciliation " + instance.getId() + ": INACTIVE");
        List<StoredFinding> findings = store.findings(instance.getId());
        assertThat(findings).extracting(StoredFinding::decision).containsExactly(StoredFinding.Decision.APPROVED,
                StoredFinding.Decision.EXCLUDED, StoredFinding.Decision.APPROVED);
        assertThat(findings.get(0).requestId()).isEqualTo(starts.started.get(0).id());
        assertThat(findings.get(1).requestId()).isNull();
        assertThat(status(instance)).isEqualTo(ReconciliationStatus.COMPLETED);
    }

    @Test
    void a_retried_start_of_the_requests_starts_none_twice() {
        ProcessInstance instance = awaitingReview();
        process.completeAs("security", task(instance), vars("approved", true));
        starts.failAfter = 2;
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                .hasMessageContaining("the engine is down");

        starts.failAfter = Integer.MAX_VALUE;
        engine.getManagementService().executeJob(job.getId());
        process.runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(store.findings(instance.getId())).extracting(StoredFinding::requestId).doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(starts.started).extracting(StoredRequest::accountId)
                .containsExactlyInAnyOrder("idle-1", "idle-2", "idle-3");
    }

    @Test
    void a_review_may_run_the_approved_inactive_findings_as_a_campaign_while_the_other_kinds_start_their_requests() {
        directory.wasting.add("waste-1");
        ProcessInstance instance = awaitingReview();

        process.completeAs("security", task(instance), vars("approved", true, "excludedFindings", "INACTIVE:idle-2",
                "inactiveAsCampaign", true, "comment", "idle-2 is on parental leave; the idle ones get a notice"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("start-requests", "start-campaign", "end-completed");
        assertThat(campaigns).singleElement().satisfies(campaign -> {
            assertThat(campaign.reconciliationId()).isEqualTo(instance.getId());
            assertThat(campaign.requester()).isEqualTo("security");
            assertThat(campaignRows.apply(campaign.id())).extracting(CampaignRow::accountId)
                    .containsExactly("idle-1", "idle-3");
            assertThat(process.variable(instance, "campaignId")).isEqualTo(campaign.id());
        });
        assertThat(starts.started).extracting(StoredRequest::accountId).as("no disable for the campaign's people")
                .containsExactly("waste-1");
        assertThat(store.findings(instance.getId())).extracting(f -> f.finding().subject() + "=" + f.decision())
                .containsExactlyInAnyOrder("idle-1=CAMPAIGN", "idle-2=EXCLUDED", "idle-3=CAMPAIGN",
                        "waste-1=APPROVED");
    }

    @Test
    void a_review_without_the_campaign_flag_starts_no_campaign_and_a_flag_that_is_not_boolean_is_refused() {
        ProcessInstance instance = awaitingReview();
        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", true,
                "inactiveAsCampaign", "yes"))).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("inactiveAsCampaign");

        process.completeAs("security", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(campaigns).isEmpty();
        assertThat(starts.started).hasSize(3);
    }

    @Test
    void approving_none_needs_a_comment_and_starts_nothing() {
        ProcessInstance instance = awaitingReview();
        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", false)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("comment");
        process.completeAs("security", task(instance), vars("approved", false, "comment", "a partial read"));
        process.runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(starts.started).isEmpty();
        assertThat(store.findings(instance.getId())).extracting(StoredFinding::decision)
                .containsOnly(StoredFinding.Decision.EXCLUDED);
    }

    @Test
    void excluding_a_row_that_is_no_finding_of_this_reconciliation_is_refused_and_the_task_stays() {
        ProcessInstance instance = awaitingReview();
        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", true,
                "excludedFindings", "INACTIVE:idle-2, INACTIVE:somebody-else", "comment", "why")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("INACTIVE:somebody-else")
                .hasMessageNotContaining("idle-2");
        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", true,
                "excludedFindings", "INACTIVE:idle-2"))).hasRootCauseInstanceOf(FormFieldValidationException.class);
        assertThat(instance).isWaitingAt("review");
        assertThat(store.findings(instance.getId())).extracting(StoredFinding::decision).containsOnlyNulls();
    }

    @Test
    void a_review_keeping_two_of_many_findings_names_those_two_and_exactly_those_requests_start() {
        directory = new IdleDirectory(400);
        ProcessInstance instance = awaitingReview();

        process.completeAs("security", task(instance), vars("approved", true,
                "approvedFindings", "INACTIVE:idle-7, INACTIVE:idle-300", "comment", "two at a time"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("end-completed").hasNotPassed("confirm-mass-change");
        assertThat(starts.started).extracting(StoredRequest::accountId).containsExactlyInAnyOrder("idle-7", "idle-300");
        assertThat(store.findings(instance.getId())).filteredOn(f -> f.decision() == StoredFinding.Decision.APPROVED)
                .extracting(f -> f.finding().key()).containsExactlyInAnyOrder("INACTIVE:idle-7", "INACTIVE:idle-300");
        assertThat(store.findings(instance.getId())).filteredOn(f -> f.decision() == StoredFinding.Decision.EXCLUDED)
                .hasSize(398);
    }

    @Test
    void an_exclusion_list_longer_than_the_engine_stores_is_refused_naming_the_way_that_fits_and_changes_nothing() {
        directory = new IdleDirectory(400);
        ProcessInstance instance = awaitingReview();
        String allButTwo = java.util.stream.IntStream.rangeClosed(3, 400).mapToObj(i -> "INACTIVE:idle-" + i)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(allButTwo.length()).isGreaterThan(4000);

        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", true,
                "excludedFindings", allButTwo, "comment", "two at a time")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("approvedFindings");
        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", true,
                "excludedFindings", "INACTIVE:idle-3", "approvedFindings", "INACTIVE:idle-1", "comment", "both")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("not both");
        assertThat(instance).isWaitingAt("review");
        assertThat(store.findings(instance.getId())).extracting(StoredFinding::decision).containsOnlyNulls();
        assertThat(starts.started).isEmpty();
    }

    @Test
    void a_review_that_also_sets_another_variable_is_refused() {
        ProcessInstance instance = awaitingReview();
        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", true,
                "maxDisable", 1000))).hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("maxDisable");
        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("approved", "maybe")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> process.completeAs(null, task(instance), vars("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("authenticated");
        assertThat(instance).isWaitingAt("review");
    }

    @Test
    void more_disables_than_allowed_wait_for_a_second_security_reviewer_who_is_not_the_first() {
        settings = new ReconcileSettings(Duration.ofDays(90), Set.of(), 2);
        ProcessInstance instance = awaitingReview();
        process.completeAs("security", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("confirm-mass-change");
        assertThat(starts.started).isEmpty();
        assertThat(task(instance)).hasCandidateGroup("lifecycle-security");

        assertThatThrownBy(() -> process.completeAs("security", task(instance), vars("confirmed", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> engine.getTaskService().setAssignee(task(instance).getId(), "security"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        process.completeAs("security-2", task(instance), vars("confirmed", true));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("start-requests");
        assertThat(starts.started).hasSize(3);
        assertThat(process.variable(instance, "confirmedBy")).isEqualTo("security-2");
    }

    @Test
    void the_guard_counts_the_disables_the_review_approves_not_those_proposed() {
        settings = new ReconcileSettings(Duration.ofDays(90), Set.of(), 2);
        ProcessInstance instance = awaitingReview();
        process.completeAs("security", task(instance), vars("approved", true, "excludedFindings", "INACTIVE:idle-3",
                "comment", "still with us"));
        process.runJobs(instance);

        assertThat(instance).isEnded().hasPassed("start-requests").hasNotPassed("confirm-mass-change");
        assertThat(starts.started).hasSize(2);
    }

    @Test
    void a_refused_mass_change_starts_nothing_and_completes() {
        settings = new ReconcileSettings(Duration.ofDays(90), Set.of(), 0);
        ProcessInstance instance = awaitingReview();
        process.completeAs("security", task(instance), vars("approved", true));
        process.runJobs(instance);
        assertThatThrownBy(() -> process.completeAs("security-2", task(instance), vars("confirmed", false)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        process.completeAs("security-2", task(instance), vars("confirmed", false, "comment", "the read was partial"));
        process.runJobs(instance);
        assertThat(instance).isEnded().hasNotPassed("start-requests");
        assertThat(starts.started).isEmpty();
        assertThat(status(instance)).isEqualTo(ReconciliationStatus.COMPLETED);
    }

    @Test
    void a_start_with_an_undocumented_variable_fails_before_any_read() {
        ProcessInstance instance = start(vars("dryRun", false, "maxDisable", 100000));
        assertThat(instance).isEnded().hasPassed("end-invalid").hasNotPassed("read");
        StoredReconciliation stored = store.find(instance.getId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ReconciliationStatus.FAILED);
        assertThat(stored.failureReason()).contains("maxDisable");
        assertThat(directory.reads).isZero();

        ProcessInstance notBoolean = start(vars("dryRun", "yes"));
        assertThat(notBoolean).isEnded().hasPassed("end-invalid");
        assertThat(store.find(notBoolean.getId()).orElseThrow().failureReason()).contains("dryRun must be a Boolean");
    }

    @Test
    void a_business_failure_of_the_read_ends_the_reconciliation_failed_with_its_reason() {
        directory.failure = new AtlassianApiException(ApiFamily.ORGANIZATIONS, "organizations.searchUsers", 200,
                "pagingBroken", null, "paging stopped: the API handed out the same cursor twice", null, null, null,
                null);
        ProcessInstance instance = start(vars());
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("read-failed", "fail", "end-failed");
        StoredReconciliation stored = store.find(instance.getId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ReconciliationStatus.FAILED);
        assertThat(stored.failureReason()).contains("same cursor twice");
    }

    @Test
    void a_transient_failure_of_the_read_is_retried_and_the_retry_continues_at_the_saved_cursor() {
        directory = new IdleDirectory(3, 1);
        directory.failAtPage = 2;
        ProcessInstance instance = start(vars("dryRun", true));
        Job read = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(read.getId()))
                .isInstanceOf(AtlassianApiException.class);
        assertThat(engine.getManagementService().createJobQuery().jobId(read.getId()).singleResult().getRetries())
                .isEqualTo(4);

        directory.failAtPage = -1;
        engine.getManagementService().executeJob(read.getId());
        process.runJobs(instance);
        assertThat(instance).isEnded().hasPassed("end-completed");
        assertThat(directory.pagesRead).containsExactly(0, 1, 2, 2);
        assertThat(store.findings(instance.getId())).hasSize(3);
    }

    @Test
    void the_timer_starts_a_reconciliation_that_nobody_started() {
        Job timer = engine.getManagementService().createJobQuery().timers().activityId("nightly").singleResult();
        assertThat(timer).as("the nightly timer, from atlassian.reconcile.cron").isNotNull();
        engine.getManagementService().executeJob(timer.getId());
        ProcessInstance nightly = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("account-reconcile-nightly").singleResult();
        process.runJobs(nightly);
        assertThat(nightly).isEnded();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .singleResult();
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("review");
        assertThat(store.find(instance.getId()).orElseThrow().requestedBy()).isEqualTo(ReconciliationService.TIMER);
    }

    // ---- helpers

    ProcessInstance start(Map<String, Object> variables) {
        return process.startAs("security", List.of("lifecycle-security"), KEY, variables);
    }

    ProcessInstance awaitingReview() {
        ProcessInstance instance = start(vars("dryRun", false));
        process.runJobs(instance);
        assertThat(instance).isWaitingAt("review");
        return instance;
    }

    ReconciliationStatus status(ProcessInstance instance) {
        return store.find(instance.getId()).orElseThrow().status();
    }

    /** {@code accounts} active people who never used a product, in the org for a year; one page each. */
    static final class IdleDirectory implements ReconcileSource {
        final int accounts;
        final int perPage;
        final List<Integer> pagesRead = new ArrayList<>();
        int reads;
        int failAtPage = -1;
        AtlassianApiException failure;
        /** Suspended accounts still in a Jira group (LICENCE_WASTE), on the first page. */
        final List<String> wasting = new ArrayList<>();

        IdleDirectory(int accounts) {
            this(accounts, Math.max(accounts, 1));
        }

        IdleDirectory(int accounts, int perPage) {
            this.accounts = accounts;
            this.perPage = perPage;
        }

        @Override
        public String name() {
            return DirectorySource.NAME;
        }

        @Override
        public SourcePage read(String cursor) {
            reads++;
            if (failure != null) {
                throw failure;
            }
            int page = cursor == null ? 0 : Integer.parseInt(cursor);
            pagesRead.add(page);
            if (page == failAtPage) {
                throw new AtlassianApiException(ApiFamily.ORGANIZATIONS, "organizations.searchUsers", 503, null, null,
                        "unavailable", null, null, null, null);
            }
            List<DirectoryEntry> entries = new ArrayList<>();
            for (int i = page * perPage + 1; i <= Math.min(accounts, (page + 1) * perPage); i++) {
                entries.add(new DirectoryEntry("idle-" + i, "idle-" + i + "@example.com", "atlassian", "active",
                        "active", "active", false, NOW.minus(Duration.ofDays(365)), null, null, NOW));
            }
            List<ProductPresence> presences = new ArrayList<>();
            for (String id : page == 0 ? wasting : List.<String>of()) {
                entries.add(new DirectoryEntry(id, id + "@example.com", "atlassian", "suspended", "active", "suspended",
                        false, NOW.minus(Duration.ofDays(365)), null, null, NOW));
                presences.add(new ProductPresence(Product.JIRA, id, null, null, true, false, Set.of("developers"), NOW));
            }
            boolean more = (page + 1) * perPage < accounts;
            return new SourcePage(entries, presences, more ? String.valueOf(page + 1) : null);
        }
    }

    /** The lifecycle processes' port: records each start; can fail after some, as an engine outage would. */
    static final class RecordingStarts implements RequestEngine {
        final List<StoredRequest> started = new ArrayList<>();
        int failAfter = Integer.MAX_VALUE;
        int attempts;

        @Override
        public String start(StoredRequest request) {
            if (++attempts > failAfter) {
                throw new IllegalStateException("the engine is down");
            }
            started.add(request);
            return "pi-" + request.id();
        }

        @Override
        public Waiting waiting(String processInstanceId) {
            return Waiting.NEITHER;
        }

        @Override
        public boolean approvedOrApplied(String processInstanceId) {
            return false;
        }

        @Override
        public Map<Recorded, Object> recorded(String processInstanceId) {
            return Map.of();
        }

        @Override
        public void withdraw(String processInstanceId, String user) {
        }

        @Override
        public void cancelDeletion(String processInstanceId) {
        }

        @Override
        public io.github.atlassianlifecycle.request.Evidence.Governance governance(String processInstanceId) {
            return null;
        }
    }
}
