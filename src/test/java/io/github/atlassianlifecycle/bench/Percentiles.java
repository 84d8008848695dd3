package io.github.atlassianlifecycle.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nearest-rank percentiles of measured durations: the value at or below which p % of the samples lie. */
public final class Percentiles {

    private final List<Long> sorted;

    public Percentiles(Collection<Long> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples: nothing was measured");
        }
        sorted = new ArrayList<>(samples);
        sorted.sort(null);
    }

    /** The nearest-rank {@code p}-th percentile, 0 &lt; p &le; 100. */
    public long at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is over 0 and at most 100: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(rank - 1);
    }

    /** {@code p50}, {@code p95}, {@code p99}, as result.json writes them. */
    public Map<String, Long> summary() {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("p50", at(50));
        summary.put("p95", at(95));
        summary.put("p99", at(99));
        return summary;
    }

    public int count() {
        return sorted.size();
    }
}
