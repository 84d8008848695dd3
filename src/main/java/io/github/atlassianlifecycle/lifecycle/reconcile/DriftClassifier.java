package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.BitbucketSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ConfluenceSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectorySource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.JiraSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.Product;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductPresence;

/**
 * Turns what the sources showed into findings. One finding per subject: an account that is both orphaned and
 * inactive is reported as orphaned (the stronger evidence; both propose the same disable). A rule needs positive
 * evidence, so a product that was not read ({@code productsRead}) never makes an account look absent from it.
 */
public final class DriftClassifier {

    private final ReconcileSettings settings;

    public DriftClassifier(ReconcileSettings settings) {
        this.settings = settings;
    }

    /**
     * @param productsRead the products whose presence was read (those configured); an empty set makes no account
     *        orphaned, since nothing shows it gone from a product
     * @param now the reconciliation's time, against which inactivity is measured
     */
    public List<Finding> classify(ReconciliationLedger.Observations observations, Set<Product> productsRead,
            Instant now) {
        return classify(observations, productsRead, now, Map.of());
    }

    /**
     * @param kept the latest keep of each account whose person kept access in an inactivity campaign: a keep counts
     *        as activity
     */
    public List<Finding> classify(ReconciliationLedger.Observations observations, Set<Product> productsRead,
            Instant now, Map<String, KeptAccess.Keep> kept) {
        Map<String, DirectoryEntry> directory = new LinkedHashMap<>();
        observations.entries().forEach(entry -> directory.put(entry.accountId(), entry));
        Map<String, ProductPresence> presences = new LinkedHashMap<>();
        observations.presences().forEach(presence -> presences.merge(presence.key(), presence, ProductPresence::merge));
        Map<String, List<ProductPresence>> byAccount = new LinkedHashMap<>();
        Map<String, ProductPresence> bitbucketByEmail = new LinkedHashMap<>();
        for (ProductPresence presence : presences.values()) {
            if (presence.accountId() != null) {
                byAccount.computeIfAbsent(presence.accountId(), id -> new ArrayList<>()).add(presence);
            } else if (presence.email() != null) {
                bitbucketByEmail.putIfAbsent(lower(presence.email()), presence);
            }
        }

        List<Finding> findings = new ArrayList<>();
        Set<String> directoryEmails = new HashSet<>();
        Instant inactiveBefore = now.minus(settings.inactivity());
        for (DirectoryEntry entry : directory.values()) {
            if (entry.hasNoMembership()) {
                continue;
            }
            if (entry.email() != null) {
                directoryEmails.add(lower(entry.email()));
            }
            if (!entry.isPerson() || settings.excludes(entry.accountId(), entry.email())) {
                continue;
            }
            List<ProductPresence> held = new ArrayList<>(byAccount.getOrDefault(entry.accountId(), List.of()));
            if (entry.email() != null && bitbucketByEmail.containsKey(lower(entry.email()))) {
                held.add(bitbucketByEmail.get(lower(entry.email())));
            }
            held.sort(Comparator.comparing(ProductPresence::product));
            classifyEntry(entry, held, productsRead, inactiveBefore, kept.get(entry.accountId()))
                    .ifPresent(findings::add);
        }
        Map<String, List<ProductPresence>> unknown = new LinkedHashMap<>();
        for (ProductPresence presence : presences.values()) {
            if (unknownToOrg(presence, directory, directoryEmails)) {
                String subject = presence.accountId() != null ? presence.accountId()
                        : "bitbucket:" + presence.name().toLowerCase(Locale.ROOT);
                unknown.computeIfAbsent(subject, s -> new ArrayList<>()).add(presence);
            }
        }
        unknown.forEach((subject, seen) -> findings.add(unknownFinding(subject, seen)));
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::subject));
        return List.copyOf(findings);
    }

    private Optional<Finding> classifyEntry(DirectoryEntry entry, List<ProductPresence> held,
            Set<Product> productsRead, Instant inactiveBefore, KeptAccess.Keep keep) {
        if (entry.isActive()) {
            boolean activeSomewhere = held.stream().anyMatch(ProductPresence::active);
            if (!productsRead.isEmpty() && !activeSomewhere && entry.lastActive() != null) {
                return Optional.of(finding(entry, FindingKind.ORPHANED_ORG_ACCOUNT, ReasonCode.OTHER,
                        "active in the organization, removed or deactivated in every product read ("
                                + names(productsRead) + ") after using " + entry.lastActiveProduct(),
                        evidence(entry, held, productsRead)));
            }
            Instant since = entry.lastActive() != null ? entry.lastActive() : entry.addedToOrg();
            if (since != null && since.isBefore(inactiveBefore)) {
                // The person said they still need it: as good as activity, for one inactivity period.
                if (keep != null && !keep.at().isBefore(inactiveBefore)) {
                    return Optional.empty();
                }
                String rule = entry.lastActive() != null
                        ? "no product activity since " + entry.lastActive() + " (more than "
                                + settings.inactivity().toDays() + " days)"
                        : "never active in a product, in the organization since " + entry.addedToOrg()
                                + " (more than " + settings.inactivity().toDays() + " days)";
                List<EvidenceLine> evidence = evidence(entry, held, productsRead);
                if (keep != null) {
                    rule += "; access " + keep.describe() + ", more than " + settings.inactivity().toDays()
                            + " days ago";
                    evidence.add(new EvidenceLine(KeptAccess.SOURCE, keep.describe(), entry.readAt()));
                }
                return Optional.of(finding(entry, FindingKind.INACTIVE, ReasonCode.INACTIVITY, rule, evidence));
            }
            return Optional.empty();
        }
        if (entry.isSuspendedOrDeactivated() && !entry.forDeletion()) {
            List<ProductPresence> holding = held.stream().filter(ProductPresence::holdsAccess).toList();
            if (!holding.isEmpty()) {
                return Optional.of(finding(entry, FindingKind.LICENCE_WASTE, ReasonCode.OTHER,
                        "suspended or deactivated in the organization, still holding "
                                + holding.stream().map(p -> p.product() + " " + p.describe())
                                        .collect(Collectors.joining("; ")),
                        evidence(entry, held, productsRead)));
            }
        }
        return Optional.empty();
    }

    private boolean unknownToOrg(ProductPresence presence, Map<String, DirectoryEntry> directory,
            Set<String> directoryEmails) {
        if (!presence.person() || !presence.active()
                || settings.excludes(presence.accountId(), presence.email(), presence.name())) {
            return false;
        }
        boolean known = presence.accountId() != null
                ? directory.containsKey(presence.accountId()) && !directory.get(presence.accountId()).hasNoMembership()
                : presence.email() != null && directoryEmails.contains(lower(presence.email()));
        return !known;
    }

    /** One finding per person, whichever products showed them (Jira and Confluence share the account id). */
    private static Finding unknownFinding(String subject, List<ProductPresence> seen) {
        List<EvidenceLine> evidence = new ArrayList<>();
        Instant latest = seen.get(0).readAt();
        String email = null;
        for (ProductPresence presence : seen) {
            evidence.add(new EvidenceLine(sourceOf(presence.product()), presence.product() + " "
                    + presence.describe() + (presence.email() == null ? "" : " email " + presence.email()),
                    presence.readAt()));
            latest = presence.readAt().isAfter(latest) ? presence.readAt() : latest;
            email = email != null ? email : presence.email();
        }
        evidence.add(new EvidenceLine(DirectorySource.OPERATION, "not in the directory", latest));
        String products = seen.stream().map(presence -> presence.product().name()).distinct()
                .collect(Collectors.joining(", "));
        return new Finding(seen.get(0).accountId(), email, subject, FindingKind.UNKNOWN_TO_ORG, ReasonCode.OTHER,
                "in " + products + ", absent from the directory", evidence);
    }

    private static Finding finding(DirectoryEntry entry, FindingKind kind, ReasonCode reasonCode, String rule,
            List<EvidenceLine> evidence) {
        return new Finding(entry.accountId(), entry.email(), entry.accountId(), kind, reasonCode, rule, evidence);
    }

    private static List<EvidenceLine> evidence(DirectoryEntry entry, List<ProductPresence> held,
            Set<Product> productsRead) {
        List<EvidenceLine> lines = new ArrayList<>();
        lines.add(new EvidenceLine(DirectorySource.OPERATION, entry.describe()
                + (entry.lastActive() == null ? ", never active in a product"
                        : ", last active " + entry.lastActive() + " in " + entry.lastActiveProduct())
                + (entry.addedToOrg() == null ? "" : ", added " + entry.addedToOrg()), entry.readAt()));
        Set<Product> seen = EnumSet.noneOf(Product.class);
        for (ProductPresence presence : held) {
            seen.add(presence.product());
            lines.add(new EvidenceLine(sourceOf(presence.product()), presence.product() + " " + presence.describe(),
                    presence.readAt()));
        }
        for (Product product : productsRead) {
            if (!seen.contains(product)) {
                lines.add(new EvidenceLine(sourceOf(product), product + " absent", entry.readAt()));
            }
        }
        return lines;
    }

    static String sourceOf(Product product) {
        return switch (product) {
            case JIRA -> JiraSource.OPERATION;
            case CONFLUENCE -> ConfluenceSource.OPERATION;
            case BITBUCKET -> BitbucketSource.OPERATION;
        };
    }

    private static String names(Set<Product> products) {
        return products.stream().sorted().map(Product::name).collect(Collectors.joining(", "));
    }

    private static String lower(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
