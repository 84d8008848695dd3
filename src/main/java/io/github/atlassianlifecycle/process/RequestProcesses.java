package io.github.atlassianlifecycle.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.Resolution;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.request.Evidence;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestActions;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestState;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.request.SubmitResult;

/**
 * What the request API does with the engine: start a request's process in the transaction that stores it, tell
 * where it stands, withdraw it, undo it, and assemble its evidence. The API decides who may do what; reads and
 * withdrawals here run without the caller's engine authorizations, after that decision.
 */
public class RequestProcesses {

    /** The message that cancels a deletion during its grace period. */
    public static final String CANCEL_DELETION = "cancel-deletion";
    /** Turns for submissions (see {@link #turns}), striped by key. */
    private static final ReentrantLock[] TURNS = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    private final ProcessEngine engine;
    private final RequestRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public RequestProcesses(ProcessEngine engine, RequestRepository repository, TransactionTemplate transaction,
            Clock clock) {
        this.engine = engine;
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
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
                String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey(
                        request.action().processKey(), stored.id(), variables(request)).getId();
                repository.attachProcess(stored.id(), processInstanceId);
                return new SubmitResult.Accepted(repository.find(stored.id()).orElseThrow(), false);
            });
        } catch (DuplicateKeyException raced) {
            return known(request, requester, idempotencyKey, bodyHash).orElseThrow(() -> raced);
        }
    }

    private Optional<SubmitResult> known(NewRequest request, String requester, String idempotencyKey, String bodyHash) {
        if (idempotencyKey != null) {
            Optional<StoredRequest> earlier = repository.findByIdempotencyKey(requester, idempotencyKey);
            if (earlier.isPresent()) {
                return Optional.of(earlier.get().bodyHash().equals(bodyHash)
                        ? new SubmitResult.Accepted(earlier.get(), true)
                        : new SubmitResult.IdempotencyMismatch(earlier.get()));
            }
        }
        return repository.findOpen(request.action(), request.account()).map(SubmitResult.Duplicate::new);
    }

    private Map<String, Object> variables(NewRequest request) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, ProcessVariables.ACCOUNT_ID, request.accountId());
        put(variables, ProcessVariables.EMAIL, request.email());
        put(variables, ProcessVariables.DISPLAY_NAME, request.displayName());
        put(variables, ProcessVariables.REASON, request.reason());
        put(variables, ProcessVariables.REASON_CODE, request.reasonCode());
        if (!request.groups().isEmpty()) {
            variables.put(ProcessVariables.GROUPS, PlanJson.write(request.groups()));
        }
        return variables;
    }

    private static void put(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    /** Where the request stands, with its plan, decisions and calls. */
    public RequestState state(StoredRequest request) {
        return asSystem(() -> {
            Map<String, Object> variables = variables(request.processInstanceId());
            RequestStatus status = request.finalStatus() != null ? request.finalStatus() : liveStatus(request);
            return new RequestState(status, jsonNode(variables.get(ProcessVariables.PLAN)),
                    (String) variables.get(ProcessVariables.PLAN_HASH), PlanVariables.text(variables.get(ProcessVariables.PLAN_TEXT)),
                    approvals(variables), repository.apiCalls(request.processInstanceId()),
                    (String) variables.get(ProcessVariables.OUTCOME), (String) variables.get(ProcessVariables.FAILURE_CODE),
                    (String) variables.get(ProcessVariables.FAILURE_MESSAGE),
                    (String) variables.get(ProcessVariables.VALIDATION_ERRORS));
        });
    }

    public RequestStatus status(StoredRequest request) {
        return request.finalStatus() != null ? request.finalStatus() : asSystem(() -> liveStatus(request));
    }

    /** Waiting at an approval, at the grace period of a delete, or anywhere else. */
    private RequestStatus liveStatus(StoredRequest request) {
        ActivityInstance tree = engine.getRuntimeService().getActivityInstance(request.processInstanceId());
        if (tree == null) {
            return RequestStatus.IN_PROGRESS; // ending this very moment; the store catches up on commit
        }
        List<ActivityInstance> leaves = new ArrayList<>();
        collectLeaves(tree, leaves);
        if (leaves.stream().anyMatch(a -> "userTask".equals(a.getActivityType()) && a.getActivityId().startsWith("approve"))) {
            return RequestStatus.PENDING_APPROVAL;
        }
        if (leaves.stream().anyMatch(a -> a.getActivityType().startsWith("intermediate")
                || "eventBasedGateway".equals(a.getActivityType()))) {
            return RequestStatus.WAITING_GRACE_PERIOD;
        }
        return RequestStatus.IN_PROGRESS;
    }

    private static void collectLeaves(ActivityInstance instance, List<ActivityInstance> leaves) {
        if (instance.getChildActivityInstances().length == 0) {
            leaves.add(instance);
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectLeaves(child, leaves);
        }
    }

    /**
     * Withdraws a request that has not been applied: only while it waits for approval (or is still being planned).
     *
     * @return false when the request is too far along to be withdrawn
     */
    public boolean cancel(StoredRequest request, String user) {
        return asSystem(() -> {
            RequestStatus status = request.finalStatus() != null ? request.finalStatus() : liveStatus(request);
            if (!actions(request, status).cancel()) {
                return false;
            }
            engine.getRuntimeService().setVariable(request.processInstanceId(), ProcessVariables.OUTCOME, "cancelled");
            engine.getRuntimeService().deleteProcessInstance(request.processInstanceId(), "withdrawn by " + user);
            return true;
        });
    }

    /** What can be done to the request in {@code status} now: the rule its links and the endpoints share. */
    public RequestActions actions(StoredRequest request, RequestStatus status) {
        return RequestActions.of(request.action(), status, () -> asSystem(() -> !notYetApplied(request)));
    }

    private boolean notYetApplied(StoredRequest request) {
        try {
            return engine.getRuntimeService().getVariable(request.processInstanceId(), ProcessVariables.APPROVALS) == null
                    && engine.getRuntimeService().getVariable(request.processInstanceId(), ProcessVariables.APPLIED_CALLS) == null;
        } catch (NullValueException ended) {
            return false; // ended this very moment, before the store caught up: too late as well
        }
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
        asSystem(() -> engine.getRuntimeService().createMessageCorrelation(CANCEL_DELETION)
                .processInstanceId(request.processInstanceId()).correlate());
        return Optional.of(new SubmitResult.Accepted(request, false));
    }

    /** The record an auditor files. */
    public Evidence evidence(StoredRequest request) {
        return asSystem(() -> {
            Map<String, Object> variables = variables(request.processInstanceId());
            HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(request.processInstanceId()).singleResult();
            ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(
                    instance.getProcessDefinitionId());
            RequestStatus status = request.finalStatus() != null ? request.finalStatus() : liveStatus(request);
            return new Evidence(request.id(), request.action().name(), request.account(), request.requester(),
                    request.reason(), request.reasonCode(), request.createdAt(),
                    new Evidence.Governance(definition.getKey(), definition.getVersion(), definition.getId(),
                            instance.getId(), instance.getStartTime().toInstant(),
                            instance.getEndTime() == null ? null : instance.getEndTime().toInstant()),
                    jsonNode(variables.get(ProcessVariables.PLAN)), (String) variables.get(ProcessVariables.PLAN_HASH),
                    approvals(variables), list(variables, ProcessVariables.RESOLUTIONS, Resolution.class),
                    list(variables, ProcessVariables.APPLIED_CALLS, CallResult.class),
                    repository.apiCalls(request.processInstanceId()),
                    jsonNode(variables.get(VerifyPlanDelegate.FINAL_STATE)), status,
                    (String) variables.get(ProcessVariables.OUTCOME), clock.instant());
        });
    }

    /** The process instance's variables from history (JSON variables as their text), alive or ended. */
    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
            boolean instanceWide = processInstanceId.equals(variable.getActivityInstanceId());
            if (instanceWide || !variables.containsKey(variable.getName())) { // task-local ones only fill gaps
                variables.put(variable.getName(), variable.getTypedValue() instanceof SerializableValue serialized
                        ? serialized.getValueSerialized() : variable.getValue());
            }
        }
        return variables;
    }

    private List<Approval> approvals(Map<String, Object> variables) {
        return list(variables, ProcessVariables.APPROVALS, Approval.class);
    }

    private static <T> List<T> list(Map<String, Object> variables, String name, Class<T> element) {
        Object json = variables.get(name);
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

    /** Runs engine reads without the caller's authorizations; the API has already decided who may see what. */
    private <T> T asSystem(Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }
}
