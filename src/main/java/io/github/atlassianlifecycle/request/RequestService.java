package io.github.atlassianlifecycle.request;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.Resolution;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.request.RequestEngine.Recorded;

/**
 * What the request API does with a request: store it and start its process in one transaction, tell where it
 * stands, withdraw it, undo it, and assemble its evidence; or, as a dry run, tell what it would do. The API decides
 * who may do what; the engine is reached through {@link RequestEngine} and {@link RequestPreview} only.
 */
public class RequestService {

    /** The groups whose members submit requests (and batches of them). */
    public static final Set<String> SUBMITTER_GROUPS = Set.of("lifecycle-requesters", "lifecycle-automation",
            "camunda-admin");

    /** Turns for submissions (see {@link #turns}), striped by key. */
    private static final ReentrantLock[] TURNS = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    private final RequestEngine engine;
    private final RequestPreview preview;
    private final RequestRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RequestOrigins origins;
    private final ObjectMapper json = new ObjectMapper();

    public RequestService(RequestEngine engine, RequestPreview preview, RequestRepository repository,
            TransactionTemplate transaction, Clock clock) {
        this(engine, preview, repository, transaction, clock, RequestOrigins.NONE);
    }

    public RequestService(RequestEngine engine, RequestPreview preview, RequestRepository repository,
            TransactionTemplate transaction, Clock clock, RequestOrigins origins) {
        this.engine = engine;
        this.preview = preview;
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
        this.origins = origins;
    }

    /**
     * Stores the request and starts its process, as the authenticated caller, in one transaction: a second open
     * request for the same account and action, or a reused idempotency key, is caught by the store's unique keys
     * even when submissions race.
     */
    public SubmitResult submit(NewRequest request, String requester, String idempotencyKey, String bodyHash) {
        return submit(request, requester, idempotencyKey, bodyHash, null);
    }

    private SubmitResult submit(NewRequest request, String requester, String idempotencyKey, String bodyHash,
            String undoOf) {
        Optional<SubmitResult> known = known(request, requester, idempotencyKey, bodyHash);
        if (known.isPresent()) {
            return known.get();
        }
        List<ReentrantLock> turns = turns(RequestRepository.openKey(request.action(), request.account()),
                RequestRepository.idempotencyScope(requester, idempotencyKey));
        turns.forEach(ReentrantLock::lock);
        try {
            // Whoever had the turn before has committed by now: their request answers this one.
            known = known(request, requester, idempotencyKey, bodyHash);
            return known.isPresent() ? known.get() : store(request, requester, idempotencyKey, bodyHash, undoOf);
        } finally {
            turns.forEach(ReentrantLock::unlock);
        }
    }

    /**
     * The turns a submission takes in this JVM: one per open key and idempotency scope, always taken in stripe
     * order. The unique keys alone decide, but H2 answers concurrent inserts of one unique value not by waiting for
     * the first but by retrying every statement until its lock timeout, and sixteen simultaneous duplicates can
     * keep each other out past it (a 500 for every one of them). Taking turns avoids that; across nodes (PostgreSQL,
     * which waits) the unique keys still catch every race.
     */
    private List<ReentrantLock> turns(String... keys) {
        return Arrays.stream(keys).filter(Objects::nonNull).mapToInt(key -> Math.floorMod(key.hashCode(), TURNS.length))
                .distinct().sorted().mapToObj(i -> TURNS[i]).toList();
    }

    private SubmitResult store(NewRequest request, String requester, String idempotencyKey, String bodyHash,
            String undoOf) {
        try {
            return transaction.execute(status -> {
                StoredRequest stored = new StoredRequest(UUID.randomUUID().toString(), request.action(),
                        request.accountId(), request.email(), request.displayName(), request.groups(), request.reason(),
                        request.reasonCode(), requester, null, null, null, clock.instant(), clock.instant(), bodyHash,
                        undoOf);
                repository.insert(stored, idempotencyKey);
                String processInstanceId = engine.start(stored);
                repository.attachProcess(stored.id(), processInstanceId);
                return new SubmitResult.Accepted(repository.find(stored.id()).orElseThrow(), false);
            });
        } catch (DuplicateKeyException raced) {
            return known(request, requester, idempotencyKey, bodyHash).orElseThrow(() -> raced);
        }
    }

    private Optional<SubmitResult> known(NewRequest request, String requester, String idempotencyKey, String bodyHash) {
        Optional<SubmitResult> replay = replay(requester, idempotencyKey, bodyHash);
        if (replay.isPresent()) {
            return replay;
        }
        Optional<StoredRequest> open = repository.findOpen(request.action(), request.account());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        // The open request may be this key's own, committed by an earlier try between the two reads: a replay then.
        replay = replay(requester, idempotencyKey, bodyHash);
        return replay.isPresent() ? replay : Optional.of(new SubmitResult.Duplicate(open.get()));
    }

    private Optional<SubmitResult> replay(String requester, String idempotencyKey, String bodyHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return repository.findByIdempotencyKey(requester, idempotencyKey).map(earlier -> earlier.bodyHash()
                .equals(bodyHash) ? new SubmitResult.Accepted(earlier, true) : new SubmitResult.IdempotencyMismatch(earlier));
    }

    /**
     * What the request would do if submitted now, from live state, and nothing done: no request stored, no process
     * started, no idempotency key or open-request key taken, no write to Atlassian.
     *
     * @throws PreviewUnavailableException when Atlassian cannot be read just now
     */
    public DryRun dryRun(NewRequest request) {
        RequestPreview.Preview previewed = preview.preview(request);
        return DryRun.of(previewed, repository.findOpen(request.action(), request.account()).orElse(null));
    }

    /** Where the request stands, with its plan, decisions and calls. */
    public RequestState state(StoredRequest request) {
        Map<Recorded, Object> recorded = engine.recorded(request.processInstanceId());
        RequestStatus status = status(request);
        return new RequestState(status, jsonNode(recorded.get(Recorded.PLAN)), (String) recorded.get(Recorded.PLAN_HASH),
                (String) recorded.get(Recorded.PLAN_TEXT), list(recorded, Recorded.APPROVALS, Approval.class),
                repository.apiCalls(request.processInstanceId()), (String) recorded.get(Recorded.OUTCOME),
                (String) recorded.get(Recorded.FAILURE_CODE), (String) recorded.get(Recorded.FAILURE_MESSAGE),
                (String) recorded.get(Recorded.VALIDATION_ERRORS));
    }

    /** The final status once the request ended; while it runs, where its process waits. */
    public RequestStatus status(StoredRequest request) {
        return request.finalStatus() != null ? request.finalStatus() : liveStatus(request);
    }

    /** Waiting at an approval, at the grace period of a delete, or anywhere else. */
    private RequestStatus liveStatus(StoredRequest request) {
        return switch (engine.waiting(request.processInstanceId())) {
            case FOR_APPROVAL -> RequestStatus.PENDING_APPROVAL;
            case FOR_GRACE_PERIOD -> RequestStatus.WAITING_GRACE_PERIOD;
            case NEITHER -> RequestStatus.IN_PROGRESS;
        };
    }

    /**
     * Withdraws a request that has not been applied: only while it waits for approval (or is still being planned).
     *
     * @return false when the request is too far along to be withdrawn
     */
    public boolean cancel(StoredRequest request, String user) {
        if (!actions(request, status(request)).cancel()) {
            return false;
        }
        engine.withdraw(request.processInstanceId(), user);
        return true;
    }

    /** What can be done to the request in {@code status} now: the rule its links and the endpoints share. */
    public RequestActions actions(StoredRequest request, RequestStatus status) {
        return RequestActions.of(request.action(), status,
                () -> engine.approvedOrApplied(request.processInstanceId()));
    }

    /**
     * Reverses a request: a completed disable by a new enable request (approved like any other), a delete still in
     * its grace period by cancelling the deletion.
     *
     * @return the request that carries the undo, or empty when this request cannot be undone (now)
     */
    public Optional<SubmitResult> undo(StoredRequest request, String user) {
        if (!actions(request, status(request)).undo()) {
            return Optional.empty();
        }
        if (request.action() == LifecycleAction.DISABLE) {
            NewRequest enable = new NewRequest(LifecycleAction.ENABLE, request.accountId(), request.email(), null,
                    List.of(), "Undo of request " + request.id() + ": " + request.reason(), "OTHER");
            return Optional.of(submit(enable, user, null, PlanJson.sha256(request.id()), request.id()));
        }
        // a delete in its grace period
        engine.cancelDeletion(request.processInstanceId());
        return Optional.of(new SubmitResult.Accepted(request, false));
    }

    /** The record an auditor files. */
    public Evidence evidence(StoredRequest request) {
        Map<Recorded, Object> recorded = engine.recorded(request.processInstanceId());
        Evidence.Governance governance = engine.governance(request.processInstanceId());
        RequestStatus status = status(request);
        return new Evidence(request.id(), request.action().name(), request.account(), request.requester(),
                request.reason(), request.reasonCode(), request.createdAt(), governance,
                jsonNode(recorded.get(Recorded.PLAN)), (String) recorded.get(Recorded.PLAN_HASH),
                list(recorded, Recorded.APPROVALS, Approval.class), origins.batchApproval(request.id()).orElse(null),
                list(recorded, Recorded.RESOLUTIONS, Resolution.class),
                list(recorded, Recorded.CALL_RESULTS, CallResult.class), repository.apiCalls(request.processInstanceId()),
                jsonNode(recorded.get(Recorded.FINAL_STATE)), status, (String) recorded.get(Recorded.OUTCOME),
                clock.instant());
    }

    private static <T> List<T> list(Map<Recorded, Object> recorded, Recorded item, Class<T> element) {
        Object json = recorded.get(item);
        return json == null ? List.of() : PlanJson.readList(json.toString(), element);
    }

    private JsonNode jsonNode(Object text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text.toString());
        } catch (Exception e) {
            throw new IllegalStateException("a JSON variable of the request is not JSON", e);
        }
    }
}
