package io.github.atlassianlifecycle.request;

/** Where a request stands, as integrators see it through {@code /api/requests}. */
public enum RequestStatus {
    PENDING_APPROVAL, IN_PROGRESS, WAITING_GRACE_PERIOD, COMPLETED, REJECTED, EXPIRED, CANCELLED, FAILED, INVALID;

    /** The final status of a process that ended with this {@code outcome}. */
    public static RequestStatus ofOutcome(String outcome) {
        if (outcome == null) {
            return CANCELLED; // ended without an outcome: deleted (withdrawn) by a person
        }
        return switch (outcome) {
            case "completed" -> COMPLETED;
            case "rejected" -> REJECTED;
            case "expired" -> EXPIRED;
            case "cancelled" -> CANCELLED;
            case "invalid" -> INVALID;
            case "failed" -> FAILED;
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        };
    }

    public boolean isFinal() {
        return this != PENDING_APPROVAL && this != IN_PROGRESS && this != WAITING_GRACE_PERIOD;
    }
}
