package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.DirectoryEntry;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.OutOfUseAccountsSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.Product;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ProductSource;
import io.github.atlassianlifecycle.lifecycle.reconcile.source.ReconcileSource;

/**
 * Reads every source to its end, page by page, saving each page with its cursor in the ledger, then classifies. A
 * read that failed (the exception propagates: a transient one is retried by whoever drives this) is resumed by
 * calling {@link #read} again with the same ledger: each source continues at its saved cursor, so no page saved is
 * read again and no finding is made twice.
 */
public final class Reconciler {

    /** 10,000 pages of a source is a million users: beyond that a cursor is going round in circles. */
    static final int MAX_PAGES_PER_SOURCE = 10_000;

    private final ReconcileSource directory;
    private final List<ProductSource> products;
    private final Set<Product> productsRead;
    private final DriftClassifier classifier;
    private final ReconcileSettings settings;
    private final KeptAccess kept;
    private final Clock clock;

    /**
     * @param directory the directory source
     * @param products the configured products' sources
     */
    public Reconciler(ReconcileSource directory, List<? extends ProductSource> products, ReconcileSettings settings,
            Clock clock) {
        this(directory, products, settings, KeptAccess.NONE, clock);
    }

    /** @param kept who kept their access in an inactivity campaign, and when: a keep counts as activity */
    public Reconciler(ReconcileSource directory, List<? extends ProductSource> products, ReconcileSettings settings,
            KeptAccess kept, Clock clock) {
        this.kept = Objects.requireNonNull(kept, "kept");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.products = List.copyOf(products);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.classifier = new DriftClassifier(settings);
        this.clock = Objects.requireNonNull(clock, "clock");
        Set<Product> read = EnumSet.noneOf(Product.class);
        this.products.forEach(source -> read.add(source.product()));
        this.productsRead = Set.copyOf(read);
    }

    public ReconcileSettings settings() {
        return settings;
    }

    /** Reads what is left of every source; returns when all are finished. */
    public void read(ReconciliationLedger ledger) {
        readToEnd(directory, ledger);
        Set<String> outOfUse = ledger.observations().entries().stream()
                .filter(entry -> entry.isPerson() && entry.isSuspendedOrDeactivated() && !entry.hasNoMembership())
                .map(DirectoryEntry::accountId).collect(Collectors.toSet());
        for (ProductSource source : products) {
            if (source instanceof OutOfUseAccountsSource reader) {
                reader.outOfUse(outOfUse);
            }
            readToEnd(source, ledger);
        }
    }

    /** The findings from what the ledger holds (call after {@link #read}). */
    public List<Finding> classify(ReconciliationLedger ledger) {
        return classifier.classify(ledger.observations(), productsRead, clock.instant(), kept.latest());
    }

    /** How many directory users the ledger saw: the base of the mass-change guard. */
    public static int directorySize(ReconciliationLedger ledger) {
        return (int) ledger.observations().entries().stream().map(DirectoryEntry::accountId).distinct().count();
    }

    private static void readToEnd(ReconcileSource source, ReconciliationLedger ledger) {
        for (int page = 0; page < MAX_PAGES_PER_SOURCE; page++) {
            ReconciliationLedger.Progress progress = ledger.progress(source.name());
            if (progress.finished()) {
                return;
            }
            ledger.savePage(source.name(), progress.cursor(), source.read(progress.cursor()));
        }
        throw new IllegalStateException(source.name() + " gave more than " + MAX_PAGES_PER_SOURCE + " pages");
    }
}
