package io.github.atlassianlifecycle.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.ApprovalRoute;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.Resolution;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.request.RequestEngine.Recorded;
import io.github.atlassianlifecycle.request.RequestEngine.Waiting;

/** The request rules without an engine: a fake {@link RequestEngine} answers, and remembers what it was asked. */
class RequestServiceTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    final FakeEngine engine = new FakeEngine();
    final RequestRepository repository = mock(RequestRepository.class);
    final FakePreview preview = new FakePreview();
    final RequestService service = new RequestService(engine, preview, repository,
            new TransactionTemplate(mock(PlatformTransactionManager.class)), Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({ "FOR_APPROVAL, PENDING_APPROVAL", "FOR_GRACE_PERIOD, WAITING_GRACE_PERIOD", "NEITHER, IN_PROGRESS" })
    void a_running_request_stands_where_its_process_waits(Waiting waiting, RequestStatus status) {
        engine.waiting = waiting;

        assertThat(service.status(running(LifecycleAction.DELETE))).isEqualTo(status);
    }

    @Test
    void an_ended_request_answers_its_final_status_without_asking_the_engine() {
        engine.waiting = null; // a question would fail

        assertThat(service.status(ended(LifecycleAction.DISABLE, RequestStatus.REJECTED)))
                .isEqualTo(RequestStatus.REJECTED);
        assertThat(engine.asked).isEmpty();
    }

    @Test
    void a_request_waiting_for_approval_is_withdrawn_by_the_canceller() {
        engine.waiting = Waiting.FOR_APPROVAL;

        assertThat(service.cancel(running(LifecycleAction.DISABLE), "requester")).isTrue();
        assertThat(engine.asked).containsExactly("waiting pi-1", "withdraw pi-1 by requester");
    }

    @Test
    void a_request_in_progress_with_an_approval_on_record_is_not_withdrawn() {
        engine.waiting = Waiting.NEITHER;
        engine.approvedOrApplied = true;

        assertThat(service.cancel(running(LifecycleAction.DISABLE), "requester")).isFalse();
        assertThat(engine.asked).containsExactly("waiting pi-1", "approvedOrApplied pi-1");
    }

    @Test
    void undoing_a_delete_in_its_grace_period_cancels_the_deletion_and_answers_the_delete() {
        engine.waiting = Waiting.FOR_GRACE_PERIOD;
        StoredRequest delete = running(LifecycleAction.DELETE);

        assertThat(service.undo(delete, "requester")).contains(new SubmitResult.Accepted(delete, false));
        assertThat(engine.asked).containsExactly("waiting pi-1", "cancelDeletion pi-1");
    }

    @Test
    void a_delete_that_is_not_in_its_grace_period_cannot_be_undone_and_nothing_is_asked_of_it() {
        engine.waiting = Waiting.FOR_APPROVAL;

        assertThat(service.undo(running(LifecycleAction.DELETE), "requester")).isEmpty();
        assertThat(engine.asked).containsExactly("waiting pi-1");
    }

    @Test
    void undoing_a_completed_disable_stores_and_starts_an_enable_of_the_account_requested_by_the_undoer() {
        StoredRequest disable = ended(LifecycleAction.DISABLE, RequestStatus.COMPLETED);
        when(repository.findOpen(LifecycleAction.ENABLE, "acc-1")).thenReturn(Optional.empty());
        when(repository.find(anyString())).thenAnswer(invocation -> Optional.of(engine.started.get(0)));

        Optional<SubmitResult> undo = service.undo(disable, "admin");

        assertThat(undo).get().isInstanceOf(SubmitResult.Accepted.class);
        assertThat(engine.started).singleElement().satisfies(enable -> {
            assertThat(enable.action()).isEqualTo(LifecycleAction.ENABLE);
            assertThat(enable.accountId()).isEqualTo("acc-1");
            assertThat(enable.requester()).isEqualTo("admin");
            assertThat(enable.undoOf()).isEqualTo(disable.id());
            assertThat(enable.reason()).isEqualTo("Undo of request " + disable.id() + ": leaver");
        });
        ArgumentCaptor<StoredRequest> stored = ArgumentCaptor.forClass(StoredRequest.class);
        verify(repository).insert(stored.capture(), isNull());
        verify(repository).attachProcess(stored.getValue().id(), "pi-started");
    }

    @Test
    void a_second_open_request_for_the_same_account_and_action_starts_nothing() {
        StoredRequest open = running(LifecycleAction.DISABLE);
        when(repository.findOpen(LifecycleAction.DISABLE, "acc-1")).thenReturn(Optional.of(open));

        SubmitResult result = service.submit(new NewRequest(LifecycleAction.DISABLE, "acc-1", null, null, List.of(),
                "leaver", "OTHER"), "requester", null, "hash");

        assertThat(result).isEqualTo(new SubmitResult.Duplicate(open));
        assertThat(engine.started).isEmpty();
        verify(repository, never()).insert(any(), any());
    }

    @Test
    void an_idempotency_key_used_with_another_body_answers_the_earlier_request_and_starts_nothing() {
        StoredRequest earlier = running(LifecycleAction.DISABLE);
        when(repository.findByIdempotencyKey("requester", "key-1")).thenReturn(Optional.of(earlier));

        SubmitResult result = service.submit(new NewRequest(LifecycleAction.DISABLE, "acc-1", null, null, List.of(),
                "leaver", "OTHER"), "requester", "key-1", "another-hash");

        assertThat(result).isEqualTo(new SubmitResult.IdempotencyMismatch(earlier));
        assertThat(engine.started).isEmpty();
    }

    @Test
    void the_state_shows_what_the_process_recorded_and_where_it_stands() {
        engine.waiting = Waiting.FOR_APPROVAL;
        Approval approval = new Approval("approve", "approver", NOW, true, "ok", "abc");
        engine.recorded.put(Recorded.PLAN, "{\"calls\":[]}");
        engine.recorded.put(Recorded.PLAN_HASH, "abc");
        engine.recorded.put(Recorded.PLAN_TEXT, "Deactivate the account");
        engine.recorded.put(Recorded.APPROVALS, PlanJson.write(List.of(approval)));
        engine.recorded.put(Recorded.FAILURE_CODE, "NOT_MANAGED");

        RequestState state = service.state(running(LifecycleAction.DISABLE));

        assertThat(state.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(state.plan().path("calls").isArray()).isTrue();
        assertThat(state.planHash()).isEqualTo("abc");
        assertThat(state.planText()).isEqualTo("Deactivate the account");
        assertThat(state.approvals()).containsExactly(approval);
        assertThat(state.failureCode()).isEqualTo("NOT_MANAGED");
        assertThat(state.outcome()).isNull();
    }

    @Test
    void the_evidence_holds_the_governing_process_every_decision_and_every_call_result() {
        Approval approval = new Approval("approve", "approver", NOW, true, "ok", "abc");
        Resolution skip = new Resolution(Resolution.SKIP, "demo", NOW, "done by hand", "apply", "NOT_MANAGED", "2",
                "abc");
        CallResult result = new CallResult("1", Operation.DEACTIVATE, "acc-1", CallResult.Outcome.APPLIED, NOW);
        engine.recorded.put(Recorded.PLAN_HASH, "abc");
        engine.recorded.put(Recorded.APPROVALS, PlanJson.write(List.of(approval)));
        engine.recorded.put(Recorded.RESOLUTIONS, PlanJson.write(List.of(skip)));
        engine.recorded.put(Recorded.CALL_RESULTS, PlanJson.write(List.of(result)));
        engine.recorded.put(Recorded.FINAL_STATE, "{\"accountStatus\":\"inactive\"}");
        engine.recorded.put(Recorded.OUTCOME, "partially-applied");
        engine.governance = new Evidence.Governance("account-disable", 3, "account-disable:3:x", "pi-1", NOW, NOW);

        Evidence evidence = service.evidence(ended(LifecycleAction.DISABLE, RequestStatus.PARTIALLY_APPLIED));

        assertThat(evidence.process()).isEqualTo(engine.governance);
        assertThat(evidence.planSha256()).isEqualTo("abc");
        assertThat(evidence.approvals()).containsExactly(approval);
        assertThat(evidence.resolutions()).containsExactly(skip);
        assertThat(evidence.callResults()).containsExactly(result);
        assertThat(evidence.finalState().path("accountStatus").asText()).isEqualTo("inactive");
        assertThat(evidence.status()).isEqualTo(RequestStatus.PARTIALLY_APPLIED);
        assertThat(evidence.outcome()).isEqualTo("partially-applied");
        assertThat(evidence.generatedAt()).isEqualTo(NOW);
    }

    @Test
    void a_retry_whose_first_try_commits_between_the_two_checks_gets_that_request_not_a_duplicate() {
        StoredRequest first = running(LifecycleAction.DISABLE);
        // The first try commits just after this retry looked its key up, just before it looks for an open request.
        when(repository.findByIdempotencyKey("requester", "key-1")).thenReturn(Optional.empty(), Optional.of(first));
        when(repository.findOpen(LifecycleAction.DISABLE, "acc-1")).thenReturn(Optional.of(first));
        NewRequest retry = new NewRequest(LifecycleAction.DISABLE, "acc-1", null, null, List.of(), "leaver", "OTHER");

        SubmitResult result = service.submit(retry, "requester", "key-1", "hash");

        assertThat(result).isEqualTo(new SubmitResult.Accepted(first, true));
        assertThat(engine.started).isEmpty();
    }

    static StoredRequest running(LifecycleAction action) {
        return request(action, null);
    }

    // ---------------------------------------------------------------- dry run

    @Test
    void a_dry_run_that_plans_a_change_for_approvers_waits_for_approval_and_stores_and_starts_nothing() {
        ApprovalRoute route = new ApprovalRoute(false, "lifecycle-approvers", "", false, "one approver");
        preview.answer = new RequestPreview.Preview(plan(1), route, null);

        DryRun dryRun = service.dryRun(disable());

        assertThat(dryRun.result()).isEqualTo(DryRun.Result.WAITS_FOR_APPROVAL);
        assertThat(dryRun.route()).isEqualTo(route);
        assertThat(dryRun.problems()).isEmpty();
        assertThat(preview.asked).containsExactly(disable());
        assertThat(engine.started).isEmpty();
        verify(repository, never()).insert(any(), any());
        verify(repository, never()).findByIdempotencyKey(any(), any());
    }

    @Test
    void a_dry_run_pre_approved_by_policy_would_be_applied_at_once() {
        preview.answer = new RequestPreview.Preview(plan(2),
                new ApprovalRoute(true, "lifecycle-approvers", "", false, "termination by automation"), null);

        assertThat(service.dryRun(disable()).result()).isEqualTo(DryRun.Result.PRE_APPROVED);
    }

    @Test
    void a_dry_run_with_nothing_to_change_would_end_at_once_and_routes_nothing() {
        preview.answer = new RequestPreview.Preview(plan(0),
                new ApprovalRoute(false, "lifecycle-approvers", "", false, "one approver"), null);

        DryRun dryRun = service.dryRun(disable());

        assertThat(dryRun.result()).isEqualTo(DryRun.Result.NOTHING_TO_DO);
        assertThat(dryRun.route()).isNull();
    }

    @Test
    void a_dry_run_refused_while_planning_names_the_business_error_it_would_stop_at() {
        preview.answer = new RequestPreview.Preview(null, null,
                new RequestPreview.Refusal("ACCOUNT_NOT_FOUND", "the organization does not know acc-1"));

        DryRun dryRun = service.dryRun(disable());

        assertThat(dryRun.result()).isEqualTo(DryRun.Result.NEEDS_MANUAL_RESOLUTION);
        assertThat(dryRun.plan()).isNull();
        assertThat(dryRun.problems()).extracting(DryRun.Problem::code).containsExactly("ACCOUNT_NOT_FOUND");
    }

    @Test
    void a_dry_run_for_an_account_with_a_request_still_open_names_it_and_still_shows_the_plan() {
        StoredRequest open = running(LifecycleAction.DISABLE);
        when(repository.findOpen(LifecycleAction.DISABLE, "acc-1")).thenReturn(Optional.of(open));
        preview.answer = new RequestPreview.Preview(plan(1),
                new ApprovalRoute(false, "lifecycle-approvers", "", false, "one approver"), null);

        DryRun dryRun = service.dryRun(disable());

        assertThat(dryRun.result()).isEqualTo(DryRun.Result.DUPLICATE_REQUEST);
        assertThat(dryRun.openRequest()).isSameAs(open);
        assertThat(dryRun.problems()).extracting(DryRun.Problem::code).containsExactly(DryRun.DUPLICATE_REQUEST);
        assertThat(dryRun.problems().get(0).message()).contains(open.id());
        assertThat(dryRun.plan().calls()).hasSize(1);
        assertThat(engine.started).isEmpty();
    }

    static NewRequest disable() {
        return new NewRequest(LifecycleAction.DISABLE, "acc-1", null, null, List.of(), "leaver", "TERMINATION");
    }

    /** A disable plan of {@code calls} calls. */
    static Plan plan(int calls) {
        List<PlannedCall> planned = new ArrayList<>();
        for (int i = 1; i <= calls; i++) {
            planned.add(new PlannedCall(String.valueOf(i), PlanStep.ACCOUNT, Operation.DEACTIVATE, "acc-1",
                    Map.of("accountId", "acc-1"), "deactivates the account"));
        }
        return new Plan(LifecycleAction.DISABLE, AccountFacts.absent("ada@demo.example"), planned, List.of());
    }

    static StoredRequest ended(LifecycleAction action, RequestStatus status) {
        return request(action, status);
    }

    private static StoredRequest request(LifecycleAction action, RequestStatus finalStatus) {
        return new StoredRequest("0f8fad5b-d9cb-469f-a165-70867728950e", action, "acc-1", null, null, List.of(),
                "leaver", "OTHER", "requester", "pi-1", finalStatus, null, NOW, NOW, "hash", null);
    }

    /** Answers as told, and remembers each request it was asked about. */
    static final class FakePreview implements RequestPreview {

        final List<NewRequest> asked = new ArrayList<>();
        Preview answer;

        @Override
        public Preview preview(NewRequest request) {
            asked.add(request);
            return answer;
        }
    }

    /** Answers as told; notes each question (but the reads of what was recorded) in order. */
    static final class FakeEngine implements RequestEngine {

        final List<String> asked = new ArrayList<>();
        final List<StoredRequest> started = new ArrayList<>();
        final Map<Recorded, Object> recorded = new EnumMap<>(Recorded.class);
        Waiting waiting;
        boolean approvedOrApplied;
        Evidence.Governance governance;

        @Override
        public String start(StoredRequest request) {
            started.add(request);
            return "pi-started";
        }

        @Override
        public Waiting waiting(String processInstanceId) {
            asked.add("waiting " + processInstanceId);
            if (waiting == null) {
                throw new AssertionError("the engine was asked where " + processInstanceId + " waits");
            }
            return waiting;
        }

        @Override
        public boolean approvedOrApplied(String processInstanceId) {
            asked.add("approvedOrApplied " + processInstanceId);
            return approvedOrApplied;
        }

        @Override
        public Map<Recorded, Object> recorded(String processInstanceId) {
            return recorded;
        }

        @Override
        public void withdraw(String processInstanceId, String user) {
            asked.add("withdraw " + processInstanceId + " by " + user);
        }

        @Override
        public void cancelDeletion(String processInstanceId) {
            asked.add("cancelDeletion " + processInstanceId);
        }

        @Override
        public Evidence.Governance governance(String processInstanceId) {
            return governance;
        }
    }
}
