package io.github.atlassianlifecycle.simulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's clock: real time plus an offset that {@code POST /sim/_control/clock} moves forward, so a test can
 * see an account scheduled for deletion close after Atlassian's 14 days without waiting for them.
 */
public class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MovableClock() {
        this(Clock.systemUTC());
    }

    MovableClock(Clock base) {
        this.base = base;
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulator's clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulator runs on UTC");
    }
}
