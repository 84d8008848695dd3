package io.github.atlassianlifecycle.lifecycle.plan;

/** When, in a process, a planned call is made. Each is its own BPMN service task. */
public enum PlanStep {
    /** The account itself: create, deactivate, reactivate, suspend, restore. */
    ACCOUNT,
    /** Groups and product seats: grant, release, restore. */
    GROUPS,
    /** What a delete does once its grace period is over: delete, remove from directory and products. */
    AFTER_GRACE
}
