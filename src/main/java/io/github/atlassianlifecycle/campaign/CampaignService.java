package io.github.atlassianlifecycle.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.reconciliation.ReconciliationView;
import io.github.atlassianlifecycle.reconciliation.StoredFinding;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.RequestService;
import io.github.atlassianlifecycle.request.SubmitResult;

/**
 * The rules of inactivity campaigns, each step the process takes: create (from a completed reconciliation's
 * INACTIVE findings that no request took up), decide, send the notices, keep, disable the rest. Every step can run
 * twice without doing anything twice: the notice step skips rows already noticed, and each row's disable is
 * claimed once and submitted with an idempotency key of its own.
 */
public class CampaignService {

    /** The campaign's process (a public contract, like the lifecycle processes' keys). */
    public static final String PROCESS_KEY = "account-campaign";
    /** Where a keep link points; the token follows. */
    public static final String KEEP_PATH = "/api/campaigns/keep/";

    private final CampaignRepository campaigns;
    private final CampaignEngine engine;
    private final ReconciliationService reconciliations;
    private final RequestService requests;
    private final NotificationChannel channel;
    private final Optional<KeepTokens> tokens;
    private final Duration noticePeriod;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** @param tokens empty when no keep-link key is configured: no campaign can start, no link be checked */
    public CampaignService(CampaignRepository campaigns, CampaignEngine engine, ReconciliationService reconciliations,
            RequestService requests, NotificationChannel channel, Optional<KeepTokens> tokens, Duration noticePeriod,
            TransactionTemplate transaction, Clock clock) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.reconciliations = Objects.requireNonNull(reconciliations, "reconciliations");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.noticePeriod = Objects.requireNonNull(noticePeriod, "noticePeriod");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes a campaign of the reconciliation's INACTIVE findings and starts its approval, as {@code requester}, in
     * one transaction.
     *
     * @throws IllegalArgumentException why no campaign can be made of it (nothing stored, nothing started)
     * @throws IllegalStateException when no keep-link key is configured
     * @throws CampaignConflictException naming the campaign the reconciliation already has (neither refused nor
     *         cancelled)
     */
    public Campaign create(String reconciliationId, String requester) {
        ReconciliationView reconciliation = reconciliation(reconciliationId);
        if (reconciliation.reconciliation().status() != ReconciliationStatus.COMPLETED) {
            throw new IllegalArgumentException("reconciliation " + reconciliationId + " is "
                    + reconciliation.reconciliation().status() + ": a campaign is made from a COMPLETED one");
        }
        campaigns.liveOf(reconciliationId).ifPresent(open -> {
            throw new CampaignConflictException(open.id(), "reconciliation " + reconciliationId
                    + " already has campaign " + open.id() + ": cancel it (or let it end) before making another");
        });
        // A finding its review approved already has its disable: the campaign takes the others.
        return make(reconciliation, requester, stored -> true)
                .orElseThrow(() -> new IllegalArgumentException("reconciliation " + reconciliationId
                        + " has no INACTIVE finding without a request of its own" + waitingElsewhere(reconciliation)));
    }

    /**
     * The review's choice: the findings it decided {@code CAMPAIGN} become one campaign, as the reviewer ({@code
     * requester}), whose approval is another security reviewer's. Run again (a retried step), it answers the campaign
     * made before. Empty when no finding was so decided, or each person already waits in an open campaign.
     *
     * @throws IllegalStateException when no keep-link key is configured
     */
    public Optional<Campaign> createOfReview(String reconciliationId, String requester) {
        Optional<Campaign> made = campaigns.liveOf(reconciliationId);
        if (made.isPresent()) {
            return made;
        }
        return make(reconciliation(reconciliationId), requester,
                stored -> stored.decision() == StoredFinding.Decision.CAMPAIGN);
    }

    private ReconciliationView reconciliation(String reconciliationId) {
        if (tokens.isEmpty()) {
            throw new IllegalStateException("Campaigns need atlassian.inactivity.keep-link-key "
                    + "(ATLASSIAN_INACTIVITY_KEEP_LINK_KEY): without it no keep link can be signed.");
        }
        return reconciliations.view(reconciliationId).orElseThrow(
                () -> new IllegalArgumentException("there is no reconciliation " + reconciliationId));
    }

    /** Whether campaigns can start: a keep-link key is configured. */
    public boolean available() {
        return tokens.isPresent();
    }

    /**
     * A campaign of the INACTIVE findings {@code takes} chooses that have no request and whose person waits in no
     * open campaign (one notice and keep link at a time), its approval started; empty when no finding is left.
     */
    private Optional<Campaign> make(ReconciliationView reconciliation, String requester,
            Predicate<StoredFinding> takes) {
        Map<String, String> waiting = campaigns.waiting();
        List<CampaignRow> rows = new ArrayList<>();
        for (StoredFinding stored : reconciliation.findings()) {
            if (stored.finding().kind() == FindingKind.INACTIVE && stored.requestId() == null
                    && stored.finding().accountId() != null && takes.test(stored)
                    && !waiting.containsKey(stored.finding().accountId())) {
                rows.add(CampaignRow.pending(stored.finding().accountId(), stored.finding().email()));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Campaign campaign = new Campaign(UUID.randomUUID().toString(), reconciliation.reconciliation().id(),
                requester, null, null, null, null, null, null, clock.instant(), null, null);
        return Optional.of(transaction.execute(status -> {
            campaigns.insert(campaign, rows);
            engine.start(campaign);
            return campaigns.find(campaign.id()).orElseThrow();
        }));
    }

    /** Which of the reconciliation's INACTIVE findings' people wait in an open campaign, and in which. */
    private String waitingElsewhere(ReconciliationView reconciliation) {
        Map<String, String> waiting = campaigns.waiting();
        Set<String> elsewhere = new TreeSet<>();
        reconciliation.findings().stream().map(StoredFinding::finding)
                .filter(finding -> finding.kind() == FindingKind.INACTIVE && waiting.containsKey(finding.accountId()))
                .forEach(finding -> elsewhere.add(finding.accountId() + " (campaign " + waiting.get(finding.accountId())
                        + ")"));
        return elsewhere.isEmpty() ? "" : " that is not waiting in an open campaign already: "
                + String.join(", ", elsewhere);
    }

    public Optional<Campaign> find(String id) {
        return campaigns.find(id);
    }

    public List<CampaignRow> rows(String id) {
        return campaigns.rows(id);
    }

    /** Ties the campaign to the process that carries it, once, when it is {@code requester}'s. */
    public boolean attach(String id, String requester, String processInstanceId) {
        return campaigns.attachProcess(id, requester, processInstanceId);
    }

    /** Records the approval decision; false when the campaign was already decided. */
    public boolean decide(String id, String approver, boolean approved, String comment) {
        return campaigns.decide(id, approved ? Campaign.Decision.APPROVED : Campaign.Decision.REJECTED, approver,
                clock.instant(), comment);
    }

    /**
     * Sends each row's notice with a fresh keep link (its hash stored, the token handed only to the channel) and
     * returns the end of the notice period (set by the first run; a rerun sends only the rows not yet noticed).
     */
    public Instant sendNotices(String id) {
        KeepTokens signer = tokens.orElseThrow(() -> new IllegalStateException(
                "atlassian.inactivity.keep-link-key is not configured"));
        // Whole seconds, as the tokens carry it: the link expires exactly when the timer fires.
        Instant endsAt = campaigns.noticeEnds(id, clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(noticePeriod));
        for (CampaignRow row : campaigns.rows(id)) {
            if (row.notice() != null || row.state() != CampaignRow.State.PENDING) {
                continue;
            }
            String token = signer.issue(id, row.accountId(), endsAt);
            Optional<String> notSent = channel.send(new NotificationChannel.Notice(id, row.accountId(), row.email(),
                    KEEP_PATH + token, endsAt));
            campaigns.noticed(id, row.accountId(), notSent.isEmpty() ? CampaignRow.Notice.SENT
                    : CampaignRow.Notice.NOT_SENT, notSent.map(why -> "notice not sent: " + why).orElse(null),
                    KeepTokens.hash(token), clock.instant());
        }
        return endsAt;
    }

    /**
     * What a keep link's token does, without changing anything: what {@link #keep} would answer now. For the
     * confirmation page a GET shows (a mail client's link scanner fetching it must not use the link).
     */
    public KeepOutcome check(String token) {
        return judge(token).outcome();
    }

    /** Uses the keep link: ends the row as kept when the token is valid, unexpired and unused; else changes nothing. */
    public KeepOutcome keep(String token) {
        Judgement judgement = judge(token);
        if (judgement.outcome() != KeepOutcome.KEPT) {
            return judgement.outcome();
        }
        KeepTokens.Claims claims = judgement.claims();
        return campaigns.keep(claims.campaignId(), claims.accountId(), KeepTokens.hash(token), clock.instant())
                ? KeepOutcome.KEPT : KeepOutcome.ALREADY_USED;
    }

    private record Judgement(KeepOutcome outcome, KeepTokens.Claims claims) {
    }

    private Judgement judge(String token) {
        if (tokens.isEmpty()) {
            return new Judgement(KeepOutcome.UNAVAILABLE, null);
        }
        Optional<KeepTokens.Claims> verified = tokens.get().verify(token);
        if (verified.isEmpty()) {
            return new Judgement(KeepOutcome.INVALID, null);
        }
        KeepTokens.Claims claims = verified.get();
        // Signed by this key but not the token this row's notice carried (a row's token is bound to it by its hash).
        Optional<String> issued = campaigns.tokenHash(claims.campaignId(), claims.accountId());
        if (issued.isEmpty() || !MessageDigest.isEqual(issued.get().getBytes(StandardCharsets.US_ASCII),
                KeepTokens.hash(token).getBytes(StandardCharsets.US_ASCII))) {
            return new Judgement(KeepOutcome.INVALID, null);
        }
        CampaignRow row = campaigns.row(claims.campaignId(), claims.accountId()).orElseThrow();
        if (row.state() == CampaignRow.State.CANCELLED) {
            return new Judgement(KeepOutcome.CANCELLED, null);
        }
        if (row.state() != CampaignRow.State.PENDING) {
            return new Judgement(KeepOutcome.ALREADY_USED, null);
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            return new Judgement(KeepOutcome.EXPIRED, null);
        }
        return new Judgement(KeepOutcome.KEPT, claims);
    }

    /**
     * The end of the notice period: every row still PENDING is claimed and gets its own disable request (reason
     * code INACTIVITY) through the request rules, as {@code approver} (the person accountable for the campaign);
     * returns how many requests stand for the campaign's rows.
     */
    public int disableUnkept(String id, String approver) {
        // Locked first, as a cancel locks it: a cancel that won leaves no row PENDING; one that waits sees the claims.
        if (campaigns.lock(id).map(Campaign::cancelledAt).isPresent()) {
            return 0;
        }
        int started = 0;
        for (CampaignRow row : campaigns.rows(id)) {
            if (row.state() == CampaignRow.State.DISABLED && row.requestId() != null) {
                started++;
                continue;
            }
            if (!campaigns.claimForDisable(id, row.accountId(), clock.instant())) {
                continue;
            }
            NewRequest request = new NewRequest(LifecycleAction.DISABLE, row.accountId(), null, null, List.of(),
                    "Inactivity campaign " + id + ": no activity, and access not kept by the end of the notice period",
                    ReasonCode.INACTIVITY.name());
            String key = "campaign:" + id + ":" + row.accountId();
            try {
                SubmitResult result = requests.submit(request, approver, key, sha256(key));
                // An open disable of the account already is this row's; a replay is the one made before.
                String requestId;
                if (result instanceof SubmitResult.Accepted accepted) {
                    requestId = accepted.request().id();
                } else if (result instanceof SubmitResult.Duplicate duplicate) {
                    requestId = duplicate.open().id();
                } else {
                    requestId = ((SubmitResult.IdempotencyMismatch) result).earlier().id();
                }
                campaigns.disabled(id, row.accountId(), requestId, null);
                started++;
            } catch (IllegalArgumentException e) {
                campaigns.disabled(id, row.accountId(), null, "the disable request was refused: " + e.getMessage());
            }
        }
        return started;
    }

    /**
     * Cancels the campaign as {@code by} (the API decided who may), in one transaction: before any disable started,
     * every waiting row ends CANCELLED (its link answers "campaign cancelled"), nobody is disabled by it, and its
     * process ends wherever it waits.
     *
     * @throws IllegalArgumentException when there is no such campaign
     * @throws CampaignConflictException when it was rejected or cancelled already, or its disables have started
     */
    public Campaign cancel(String id, String by) {
        return transaction.execute(status -> {
            Campaign campaign = campaigns.lock(id)
                    .orElseThrow(() -> new IllegalArgumentException("there is no campaign " + id));
            if (campaign.cancelledAt() != null) {
                throw new CampaignConflictException(id, "campaign " + id + " was cancelled already, by "
                        + campaign.cancelledBy() + " at " + campaign.cancelledAt());
            }
            if (campaign.decision() == Campaign.Decision.REJECTED) {
                throw new CampaignConflictException(id, "campaign " + id + " was rejected: nothing is left to cancel");
            }
            if (campaigns.anyDisabled(id)) {
                throw new CampaignConflictException(id, "campaign " + id + " is past its notice period and its "
                        + "disables have started: each is a request of its own now (withdraw those you must)");
            }
            campaigns.cancel(id, by, clock.instant());
            engine.cancel(campaign, by);
            return campaigns.find(id).orElseThrow();
        });
    }

    /** One page of campaigns, newest first. */
    public List<CampaignRepository.Listed> page(long offset, int limit) {
        return campaigns.page(offset, limit);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
