package io.github.atlassianlifecycle.reconciliation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.RequestValidator;
import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.ProposedAction;
import io.github.atlassianlifecycle.lifecycle.reconcile.Reconciler;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationLedger;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestService;
import io.github.atlassianlifecycle.request.SubmitResult;

/**
 * The reconciliation's rules, each step the process takes: begin, read, classify, review, start the approved
 * requests, finish. Every step can run twice (a retried job) without doing anything twice: the read continues at
 * its cursors, findings and decisions are keyed, and each approved finding's request is submitted with an
 * idempotency key of its own.
 */
public class ReconciliationService {

    /** The key of the process that runs a reconciliation (a public contract), declared here for every room to see. */
    public static final String PROCESS_KEY = "account-reconcile";

    /** Who started a reconciliation that no person started. */
    public static final String TIMER = "timer";

    private final ReconciliationRepository repository;
    private final Supplier<Reconciler> reconcilers;
    private final RequestService requests;
    private final Clock clock;

    /** @param reconcilers a new reconciler for each step (it lists the products' groups of its own time) */
    public ReconciliationService(ReconciliationRepository repository, Supplier<Reconciler> reconcilers,
            RequestService requests, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.reconcilers = Objects.requireNonNull(reconcilers, "reconcilers");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a reconciliation that has just started (its id is its process's); a second call changes nothing. */
    public StoredReconciliation begin(String id, boolean dryRun, String requestedBy) {
        Optional<StoredReconciliation> known = repository.find(id);
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = clock.instant();
        StoredReconciliation started = new StoredReconciliation(id, dryRun, ReconciliationStatus.RUNNING, null,
                requestedBy == null ? TIMER : requestedBy, id, null, now, now);
        repository.insert(started);
        return started;
    }

    /** Reads what is left to read of every source; returns the size of the directory. */
    public int read(String id) {
        ReconciliationLedger ledger = repository.ledger(id);
        reconcilers.get().read(ledger);
        int size = Reconciler.directorySize(ledger);
        repository.directorySize(id, size);
        return size;
    }

    /** Classifies what was read and stores the findings (once); a dry run, or nothing to propose, completes. */
    public Classification classify(String id, boolean dryRun) {
        ReconciliationLedger ledger = repository.ledger(id);
        Reconciler reconciler = reconcilers.get();
        List<Finding> findings = reconciler.classify(ledger);
        repository.saveFindings(id, findings);
        int proposals = (int) findings.stream().filter(f -> f.proposedAction().changesSomething()).count();
        int disables = (int) findings.stream().filter(f -> f.proposedAction() == ProposedAction.DISABLE).count();
        int maxDisable = reconciler.settings().maxDisableFor(Reconciler.directorySize(ledger));
        repository.status(id, dryRun || proposals == 0 ? ReconciliationStatus.COMPLETED
                : ReconciliationStatus.IN_REVIEW, null);
        return new Classification(findings.size(), proposals, disables, maxDisable);
    }

    /**
     * Records the reviewer's decision: every finding that proposes a change is approved, but those in
     * {@code excluded}; or none when {@code approveAny} is false.
     *
     * @param inactiveAsCampaign the approved INACTIVE findings are decided {@code CAMPAIGN}: they start no request
     *        of their own here but run as one inactivity campaign, whose own approval guards its disables (so they do
     *        not count toward this review's mass-change threshold)
     * @throws IllegalArgumentException naming the excluded keys that are no finding of this reconciliation that
     *         proposes a change (nothing is recorded)
     */
    public Review review(String id, boolean approveAny, Set<String> excluded, int maxDisable,
            boolean inactiveAsCampaign) {
        List<StoredFinding> findings = proposals(id);
        refuseUnknown(findings, excluded);
        int approved = 0;
        int disables = 0;
        for (StoredFinding stored : findings) {
            boolean approve = approveAny && !excluded.contains(stored.finding().key());
            StoredFinding.Decision decision = !approve ? StoredFinding.Decision.EXCLUDED
                    : inactiveAsCampaign && stored.finding().kind() == FindingKind.INACTIVE
                            ? StoredFinding.Decision.CAMPAIGN : StoredFinding.Decision.APPROVED;
            repository.decide(id, stored.finding().key(), decision);
            if (approve) {
                approved++;
                disables += decision == StoredFinding.Decision.APPROVED
                        && stored.finding().proposedAction() == ProposedAction.DISABLE ? 1 : 0;
            }
        }
        return new Review(approved, disables, maxDisable);
    }

    /**
     * The keys of every finding that proposes a change but those named (a review that keeps a few of many).
     *
     * @throws IllegalArgumentException naming the keys that are no such finding of this reconciliation
     */
    public Set<String> allProposalsBut(String id, Set<String> kept) {
        List<StoredFinding> findings = proposals(id);
        refuseUnknown(findings, kept);
        Set<String> others = new LinkedHashSet<>();
        findings.stream().map(stored -> stored.finding().key()).filter(key -> !kept.contains(key)).forEach(others::add);
        return others;
    }

    private static void refuseUnknown(List<StoredFinding> findings, Set<String> keys) {
        Set<String> unknown = new TreeSet<>(keys);
        findings.forEach(stored -> unknown.remove(stored.finding().key()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not a finding of this reconciliation that proposes a change: "
                    + String.join(", ", unknown));
        }
    }

    /**
     * Submits one lifecycle request per approved finding that has none yet, through the request rules (their own
     * approval routing and evidence), as {@code requester}; returns the request ids, in the findings' order.
     */
    public List<String> startRequests(String id, String requester) {
        List<String> started = new ArrayList<>();
        for (StoredFinding stored : repository.findings(id)) {
            if (stored.decision() != StoredFinding.Decision.APPROVED || !stored.finding().proposedAction()
                    .changesSomething()) {
                continue;
            }
            if (stored.requestId() != null) {
                started.add(stored.requestId());
                continue;
            }
            Finding finding = stored.finding();
            NewRequest request = new NewRequest(LifecycleAction.DISABLE, finding.accountId(), null, null, List.of(),
                    reason(id, finding), finding.reasonCode().name());
            String key = "reconciliation:" + id + ":" + finding.key();
            SubmitResult result = requests.submit(request, requester, key, hash(key));
            // An open disable of the account already is this finding's request; a replay is the one made before.
            String requestId;
            if (result instanceof SubmitResult.Accepted accepted) {
                requestId = accepted.request().id();
            } else if (result instanceof SubmitResult.Duplicate duplicate) {
                requestId = duplicate.open().id();
            } else {
                requestId = ((SubmitResult.IdempotencyMismatch) result).earlier().id();
            }
            repository.linkRequest(id, finding.key(), requestId);
            started.add(requestId);
        }
        return started;
    }

    public void complete(String id) {
        repository.status(id, ReconciliationStatus.COMPLETED, null);
    }

    public void fail(String id, String reason) {
        repository.status(id, ReconciliationStatus.FAILED, reason);
    }

    public Optional<ReconciliationView> view(String id) {
        return repository.find(id).map(found -> new ReconciliationView(found, repository.findings(id)));
    }

    /** The findings that propose a change, in their order: what the reviewer decides on. */
    public List<StoredFinding> proposals(String id) {
        return repository.findings(id).stream().filter(f -> f.finding().proposedAction().changesSomething()).toList();
    }

    static String reason(String id, Finding finding) {
        String reason = "Reconciliation " + id + ": " + finding.kind() + " (" + finding.proposedAction() + ") — "
                + finding.rule();
        return reason.length() <= RequestValidator.MAX_REASON ? reason
                : reason.substring(0, RequestValidator.MAX_REASON);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
