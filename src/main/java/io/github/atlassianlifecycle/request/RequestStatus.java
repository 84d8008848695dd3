package io.github.atlassianlifecycle.request;

/** Where a request stands, as integrators see it through {@code /api/requests}. */
public enum RequestStatus {
    PENDING_APPROVAL, IN_PROGRESS, WAITING_GRACE_PERIOD, COMPLETED,
    /** Applied, but for calls an administrator decided to skip: never plain success. */
    PARTIALLY_APPLIED,
    REJECTED, EXPIRED, CANCELLED, FAILED, INVALID,
    /**
     * Ended at an end event whose {@code outcome} this version does not know (a designer added it): ended, but not
     * known to have succeeded. The request keeps the outcome's text.
     */
    UNKNOWN_OUTCOME;

    /** The final status of a process that ended with this {@code outcome}. */
    public static RequestStatus ofOutcome(String outcome) {
        if (outcome == null) {
            return CANCELLED; // ended without an outcome: deleted (withdrawn) by a person
        }
        return switch (outcome) {
            case "completed" -> COMPLETED;
            case "partially-applied" -> PARTIALLY_APPLIED;
            case "rejected" -> REJECTED;
            case "expired" -> EXPIRED;
            case "cancelled" -> CANCELLED;
            case "invalid" -> INVALID;
            case "failed" -> FAILED;
            default -> UNKNOWN_OUTCOME;
        };
    }

    public boolean isFinal() {
        return this != PENDING_APPROVAL && this != IN_PROGRESS && this != WAITING_GRACE_PERIOD;
    }
}
