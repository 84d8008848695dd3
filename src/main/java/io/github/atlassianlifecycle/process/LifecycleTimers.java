package io.github.atlassianlifecycle.process;

import java.time.Duration;

/**
 * The durations the models' timers read ({@code ${lifecycleTimers.reminderAfter()}}), from
 * {@code atlassian.lifecycle.*}, so an organization changes them without editing the models.
 */
public class LifecycleTimers {

    private final Duration reminderAfter;
    private final Duration escalateAfter;
    private final Duration expireAfter;
    private final Duration deleteGracePeriod;

    public LifecycleTimers(Duration reminderAfter, Duration escalateAfter, Duration expireAfter,
            Duration deleteGracePeriod) {
        this.reminderAfter = reminderAfter;
        this.escalateAfter = escalateAfter;
        this.expireAfter = expireAfter;
        this.deleteGracePeriod = deleteGracePeriod;
    }

    /** An approval still open after this long reminds its approvers (ISO-8601, e.g. P1D). */
    public String reminderAfter() {
        return reminderAfter.toString();
    }

    /** An approval still open after this long is escalated (the reminder went unanswered). */
    public String escalateAfter() {
        return escalateAfter.toString();
    }

    /** An approval still open after this long expires the request. */
    public String expireAfter() {
        return expireAfter.toString();
    }

    /** How long a deleted account stays only disabled, so the deletion can be cancelled. */
    public String deleteGracePeriod() {
        return deleteGracePeriod.toString();
    }
}
