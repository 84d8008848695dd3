package io.github.atlassianlifecycle.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts mails by kind and result ({@code atlassian.notifications}, tags {@code kind}, {@code result}: sent, failed,
 * skipped), so a mail server that refuses everything shows on the metrics, not only in the log.
 */
public final class NotificationCounter {

    /** The meter's name. */
    public static final String METER = "atlassian.notifications";

    /** What became of one mail. */
    public enum Result {
        SENT, FAILED, SKIPPED
    }

    private final MeterRegistry registry;

    public NotificationCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    void increment(MailKind kind, Result result) {
        counter(kind, result).increment();
    }

    /** How many mails of the kind had the result since the start. */
    public double count(MailKind kind, Result result) {
        return counter(kind, result).count();
    }

    private Counter counter(MailKind kind, Result result) {
        return Counter.builder(METER).description("Notification mails by kind and result").tag("kind", kind.id())
                .tag("result", result.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }
}
