package io.github.atlassianlifecycle.process;

import java.time.Duration;

/**
 * The durations the models' timers and retry cycles read ({@code ${lifecycleTimers.reminderAfter()}}), from
 * {@code atlassian.lifecycle.*}, so an organization changes them without editing the models.
 */
public class LifecycleTimers {

    private final Duration reminderAfter;
    private final Duration escalateAfter;
    private final Duration expireAfter;
    private final Duration deleteGracePeriod;
    private final String retryCycle;

    public LifecycleTimers(Duration reminderAfter, Duration escalateAfter, Duration expireAfter,
            Duration deleteGracePeriod, String retryCycle) {
        this.reminderAfter = reminderAfter;
        this.escalateAfter = escalateAfter;
        this.expireAfter = expireAfter;
        this.deleteGracePeriod = deleteGracePeriod;
        this.retryCycle = retryCycle.trim();
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

    /**
     * The retry cycle of the request processes' Atlassian steps ({@code ${lifecycleTimers.retryCycle()}}), e.g.
     * {@code R5/PT1M}: five tries a minute apart, then an incident.
     */
    public String retryCycle() {
        return retryCycle;
    }

    /** How long a deleted account stays only disabled, so the deletion can be cancelled. */
    public String deleteGracePeriod() {
        return deleteGracePeriod.toString();
    }
}
