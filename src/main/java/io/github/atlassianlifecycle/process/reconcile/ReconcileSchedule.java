package io.github.atlassianlifecycle.process.reconcile;

/** The cron its timer start event reads ({@code ${reconcileSchedule.cron()}}), from {@code atlassian.reconcile.cron}. */
public class ReconcileSchedule {

    private final String cron;

    public ReconcileSchedule(String cron) {
        this.cron = cron;
    }

    public String cron() {
        return cron;
    }
}
