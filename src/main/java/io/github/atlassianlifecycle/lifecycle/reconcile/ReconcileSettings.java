package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organization's reconciliation policy.
 *
 * @param inactivity how long without product activity makes an active account {@code INACTIVE}
 * @param exclude account ids, emails or Bitbucket user names never to report or propose (compared ignoring case)
 * @param maxDisable the most disables one reconciliation may propose without a second approval; null for the
 *        default: 5 % of the directory or {@value #MIN_MAX_DISABLE}, whichever is larger
 */
public record ReconcileSettings(Duration inactivity, Set<String> exclude, Integer maxDisable) {

    public static final int DEFAULT_INACTIVITY_DAYS = 90;
    public static final int MIN_MAX_DISABLE = 50;

    public ReconcileSettings {
        Objects.requireNonNull(inactivity, "inactivity");
        if (inactivity.isNegative() || inactivity.isZero()) {
            throw new IllegalArgumentException("inactivity must be positive");
        }
        if (maxDisable != null && maxDisable < 0) {
            throw new IllegalArgumentException("maxDisable must not be negative");
        }
        exclude = exclude == null ? Set.of() : exclude.stream().filter(Objects::nonNull).map(String::trim)
                .filter(value -> !value.isEmpty()).map(value -> value.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static ReconcileSettings defaults() {
        return new ReconcileSettings(Duration.ofDays(DEFAULT_INACTIVITY_DAYS), Set.of(), null);
    }

    /** The mass-change threshold for a directory of {@code directorySize} users. */
    public int maxDisableFor(int directorySize) {
        if (maxDisable != null) {
            return maxDisable;
        }
        int fivePercent = (int) Math.ceil(directorySize * 0.05);
        return Math.max(fivePercent, MIN_MAX_DISABLE);
    }

    /** Whether any of these identifiers (nulls ignored) is on the exclude list. */
    public boolean excludes(String... identifiers) {
        for (String identifier : identifiers) {
            if (identifier != null && exclude.contains(identifier.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
