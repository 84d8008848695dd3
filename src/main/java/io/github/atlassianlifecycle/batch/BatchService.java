package io.github.atlassianlifecycle.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;
import io.github.atlassianlifecycle.request.SubmitResult;

/**
 * The rules of bulk requests: a batch is screened (a second row for the same action and account is refused),
 * stored and its approval started in one transaction; once approved, each approved row becomes a request of its own
 * through {@link RequestService#submit}, exactly as a single request (its own record, plan, approvals and evidence),
 * keyed by batch and line so that a retried start never makes a second one. Where a batch stands is read from its
 * rows' requests.
 */
public class BatchService {

    /** The approval process of a batch (a public contract, like the lifecycle processes' keys). */
    public static final String PROCESS_KEY = "account-batch";
    /** How many rows the approval task lists, at most: beyond them it says how many more there are. */
    static final int ROWS_SHOWN = 500;

    private final BatchRepository batches;
    private final BatchEngine engine;
    private final RequestService requests;
    private final RequestRepository requestStore;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public BatchService(BatchRepository batches, BatchEngine engine, RequestService requests,
            RequestRepository requestStore, TransactionTemplate transaction, Clock clock) {
        this.batches = batches;
        this.engine = engine;
        this.requests = requests;
        this.requestStore = requestStore;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Screens the rows, then stores the batch and starts its approval as the authenticated caller, in one
     * transaction. Refused, with nothing stored, when {@code atomic} and any row is bad, or when no row is good.
     */
    public BatchSubmission submit(Batch.Source source, List<BatchRow> rows, String requester, boolean atomic) {
        List<BatchRow> screened = screen(rows);
        Optional<BatchSubmission.Refused> refused = refusal(screened, atomic);
        if (refused.isPresent()) {
            return refused.get();
        }
        Batch batch = new Batch(UUID.randomUUID().toString(), requester, source, null, null, null, null, null,
                clock.instant());
        return transaction.execute(status -> {
            batches.insert(batch, screened);
            engine.start(batch);
            return new BatchSubmission.Accepted(batches.find(batch.id()).orElseThrow());
        });
    }

    /**
     * What {@link #submit} would do with the rows, and nothing done: the same screening and the same refusals, then
     * each good row as {@link RequestService#dryRun} answers it (the plan from live state, the routing, what would stop
     * it, a request already open), as the authenticated caller. Rows are tried one after another, each reading
     * Atlassian through the clients and their rate limiter like a single dry run; nothing is stored, started or
     * written.
     *
     * @throws io.github.atlassianlifecycle.request.PreviewUnavailableException when Atlassian cannot be read for
     *         some row: the whole dry run fails, never answering part of the rows as if it were all of them
     */
    public BatchSubmission dryRun(List<BatchRow> rows, boolean atomic) {
        List<BatchRow> screened = screen(rows);
        Optional<BatchSubmission.Refused> refused = refusal(screened, atomic);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<BatchSubmission.TriedRow> tried = new ArrayList<>(screened.size());
        for (BatchRow row : screened) {
            tried.add(new BatchSubmission.TriedRow(row, row.isRefused() ? null : requests.dryRun(row.request())));
        }
        return new BatchSubmission.Tried(tried);
    }

    /** Nothing goes on when no row is good, nor, atomic, when any row is refused: the refused rows say why. */
    private static Optional<BatchSubmission.Refused> refusal(List<BatchRow> screened, boolean atomic) {
        List<BatchRow> refused = screened.stream().filter(BatchRow::isRefused).toList();
        return refused.size() == screened.size() || (atomic && !refused.isEmpty())
                ? Optional.of(new BatchSubmission.Refused(refused, atomic)) : Optional.empty();
    }

    /** A second row for the same action and account is refused, naming the first. */
    static List<BatchRow> screen(List<BatchRow> rows) {
        Map<String, Integer> first = new HashMap<>();
        List<BatchRow> screened = new ArrayList<>(rows.size());
        for (BatchRow row : rows) {
            if (row.isRefused()) {
                screened.add(row);
                continue;
            }
            String key = RequestRepository.openKey(row.request().action(), row.request().account());
            Integer earlier = first.putIfAbsent(key, row.line());
            screened.add(earlier == null ? row : BatchRow.refused(row.line(), "duplicate: line " + earlier
                    + " of this batch already asks to " + row.request().action() + " " + row.request().account()));
        }
        return screened;
    }

    public Optional<Batch> find(String id) {
        return batches.find(id);
    }

    /** Batches newest first; only {@code requester}'s unless null. */
    public List<Batch> search(String requester, long offset, int limit) {
        return batches.search(requester, offset, limit);
    }

    /**
     * Ties the batch to the process instance carrying its approval: once, and only for the batch's own
     * submitter. False means the process must not carry it.
     */
    public boolean attach(String id, String requester, String processInstanceId) {
        return batches.attachProcess(id, requester, processInstanceId);
    }

    /** The good rows (those that go to approval), by line. */
    public List<BatchRow> goodRows(String id) {
        return batches.rows(id).stream().filter(row -> !row.isRefused()).toList();
    }

    /** "DISABLE: 3, ENABLE: 1 (2 rows refused at submission)": what the approver is asked to decide on. */
    public String summary(String id) {
        List<BatchRow> rows = batches.rows(id);
        Map<LifecycleAction, Long> byAction = rows.stream().filter(row -> !row.isRefused())
                .collect(Collectors.groupingBy(row -> row.request().action(), () -> new EnumMap<>(LifecycleAction.class),
                        Collectors.counting()));
        long refused = rows.stream().filter(BatchRow::isRefused).count();
        String summary = byAction.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return refused == 0 ? summary : summary + " (" + refused + " row(s) refused at submission, not part of it)";
    }

    /** The good rows as an approver reads them, one a line, the first {@value #ROWS_SHOWN}. */
    public String rowsText(String id) {
        List<BatchRow> good = goodRows(id);
        StringBuilder text = new StringBuilder();
        for (BatchRow row : good.subList(0, Math.min(ROWS_SHOWN, good.size()))) {
            NewRequest request = row.request();
            text.append(row.line()).append(": ").append(request.action()).append(' ').append(request.account())
                    .append(" — ").append(request.reasonCode()).append(": ").append(request.reason()).append('\n');
        }
        if (good.size() > ROWS_SHOWN) {
            text.append("... and ").append(good.size() - ROWS_SHOWN).append(" more (GET /api/batches/").append(id)
                    .append(")\n");
        }
        return text.toString();
    }

    /**
     * Records the approver's decision. {@code excludedLines} must be lines of the batch's good rows.
     *
     * @throws IllegalArgumentException naming the lines that are not
     * @throws IllegalStateException when the batch was decided already
     */
    public void decide(String id, String approver, boolean approved, String comment, Set<Integer> excludedLines) {
        Set<Integer> good = goodRows(id).stream().map(BatchRow::line).collect(Collectors.toSet());
        Set<Integer> unknown = new TreeSet<>(excludedLines);
        unknown.removeAll(good);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not lines of rows of this batch awaiting approval: " + unknown);
        }
        if (!batches.decide(id, approved ? Batch.Decision.APPROVED : Batch.Decision.REJECTED, approver,
                clock.instant(), comment, approved ? List.copyOf(excludedLines) : List.of())) {
            throw new IllegalStateException("batch " + id + " was decided already");
        }
    }

    /** The lines whose requests an approved batch starts: its good rows the approver did not exclude. */
    public List<Integer> approvedLines(String id) {
        boolean approved = batches.find(id).map(b -> b.decision() == Batch.Decision.APPROVED).orElse(false);
        return approved ? goodRows(id).stream().filter(row -> !row.excluded()).map(BatchRow::line).toList() : List.of();
    }

    /**
     * Starts the request of an approved row, as the batch's submitter (the caller's engine authentication must be
     * theirs), unless it was started before. Another open request for the account refuses the row, as it would a
     * single request; so does a submitter who may no longer submit ({@code submitterMaySubmit}).
     */
    public RowStart startRow(String id, int line, boolean submitterMaySubmit) {
        Optional<Batch> batch = batches.find(id).filter(b -> b.decision() == Batch.Decision.APPROVED);
        Optional<BatchRow> row = batches.row(id, line).filter(r -> !r.isRefused() && !r.excluded());
        if (batch.isEmpty() || row.isEmpty()) {
            return new RowStart.NotApproved();
        }
        if (row.get().requestId() != null) {
            return new RowStart.Started(row.get().requestId());
        }
        if (!submitterMaySubmit) {
            return refuse(id, line, "not started: " + batch.get().requester() + " may no longer submit requests");
        }
        NewRequest request = row.get().request();
        SubmitResult result = requests.submit(request, batch.get().requester(), "batch:" + id + ":" + line,
                PlanJson.sha256(PlanJson.write(request)));
        if (result instanceof SubmitResult.Accepted accepted) {
            batches.started(id, line, accepted.request().id());
            return new RowStart.Started(accepted.request().id());
        }
        if (result instanceof SubmitResult.Duplicate duplicate) {
            return refuse(id, line, "not started: request " + duplicate.open().id() + " (" + duplicate.open().action()
                    + " " + duplicate.open().account() + ") is still open");
        }
        return refuse(id, line, "not started: its key was used for another request");
    }

    private RowStart refuse(String id, int line, String error) {
        batches.failed(id, line, error);
        return new RowStart.Refused(error);
    }

    /** Records why a row's request could not be started (while its start is retried, say). */
    public void failed(String id, int line, String error) {
        batches.failed(id, line, error);
    }

    /** Where the batch stands, from its rows and their requests. */
    public BatchState state(Batch batch) {
        List<BatchState.Row> rows = new ArrayList<>();
        boolean allEnded = true;
        for (BatchRow row : batches.rows(batch.id())) {
            BatchState.Row shown = row(batch, row);
            rows.add(shown);
            if (batch.decision() == Batch.Decision.APPROVED && !row.isRefused() && !row.excluded()
                    && !shown.status().isFinal()) {
                allEnded = false;
            }
        }
        Map<RequestStatus, Integer> counts = new TreeMap<>();
        rows.forEach(row -> counts.merge(row.status(), 1, Integer::sum));
        BatchState.Status status = batch.decision() == null ? BatchState.Status.PENDING_APPROVAL
                : switch (batch.decision()) {
                    case APPROVED -> allEnded ? BatchState.Status.COMPLETED : BatchState.Status.IN_PROGRESS;
                    case REJECTED -> BatchState.Status.REJECTED;
                };
        return new BatchState(status, counts, rows);
    }

    private BatchState.Row row(Batch batch, BatchRow row) {
        if (row.isRefused()) {
            return new BatchState.Row(row.line(), null, RequestStatus.INVALID, row.error());
        }
        if (row.requestId() != null) {
            Optional<StoredRequest> request = requestStore.find(row.requestId());
            return new BatchState.Row(row.line(), row.requestId(),
                    request.map(requests::status).orElse(RequestStatus.IN_PROGRESS), row.error());
        }
        if (batch.decision() == null) {
            return new BatchState.Row(row.line(), null, RequestStatus.PENDING_APPROVAL, null);
        }
        return switch (batch.decision()) {
            case REJECTED -> new BatchState.Row(row.line(), null, RequestStatus.REJECTED, "the batch was rejected by "
                    + batch.decidedBy() + ": " + batch.decisionComment());
            case APPROVED -> row.excluded()
                    ? new BatchState.Row(row.line(), null, RequestStatus.REJECTED, "excluded by " + batch.decidedBy()
                            + (batch.decisionComment() == null ? "" : ": " + batch.decisionComment()))
                    : new BatchState.Row(row.line(), null, row.error() == null ? RequestStatus.IN_PROGRESS
                            : RequestStatus.FAILED, row.error());
        };
    }
}
