package io.github.atlassianlifecycle.ops.metrics;

import static io.github.atlassianlifecycle.ops.metrics.MeterNames.STATUS;
import static io.github.atlassianlifecycle.ops.metrics.MeterNames.tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.atlassianlifecycle.ops.WaitingRequests;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Open requests by status, from the request store's open count (one indexed count) split by where the engine says
 * they wait (one count each). The three gauges of one scrape share one reading: it is kept for {@link #FRESH}.
 */
public class OpenRequestsGauge {

    /** Long enough for one scrape to read all three gauges from one reading, short against any scrape interval. */
    static final Duration FRESH = Duration.ofSeconds(5);

    private final LongSupplier open;
    private final WaitingRequests waiting;
    private final Clock clock;
    private Map<RequestStatus, Long> reading;
    private Instant readAt = Instant.MIN;

    public OpenRequestsGauge(LongSupplier open, WaitingRequests waiting, Clock clock) {
        this.open = open;
        this.waiting = waiting;
        this.clock = clock;
    }

    public void bindTo(MeterRegistry registry) {
        for (RequestStatus status : new RequestStatus[] { RequestStatus.PENDING_APPROVAL,
                RequestStatus.WAITING_GRACE_PERIOD, RequestStatus.IN_PROGRESS }) {
            Gauge.builder(MeterNames.REQUESTS_OPEN, this, gauge -> gauge.reading().get(status))
                    .description("Open requests by where they stand").tag(STATUS, tag(status)).register(registry);
        }
    }

    synchronized Map<RequestStatus, Long> reading() {
        Instant now = clock.instant();
        if (reading == null || !now.isBefore(readAt.plus(FRESH))) {
            long total = open.getAsLong();
            long approval = waiting.forApproval();
            long grace = waiting.forGracePeriod();
            Map<RequestStatus, Long> fresh = new EnumMap<>(RequestStatus.class);
            fresh.put(RequestStatus.PENDING_APPROVAL, approval);
            fresh.put(RequestStatus.WAITING_GRACE_PERIOD, grace);
            // The store and the engine are read a moment apart: never a negative count for the rest.
            fresh.put(RequestStatus.IN_PROGRESS, Math.max(0, total - approval - grace));
            reading = fresh;
            readAt = now;
        }
        return reading;
    }
}
