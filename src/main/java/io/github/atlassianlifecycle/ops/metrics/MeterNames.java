package io.github.atlassianlifecycle.ops.metrics;

import java.util.Locale;

import io.github.atlassianlifecycle.client.ApiFamily;

/**
 * The name and tags of every meter the plugin publishes (the README's table lists them). Tag values come from small
 * fixed sets (actions, statuses, API families, operation names): never an account id, an email or a path.
 */
public final class MeterNames {

    /** Counter: requests ended, by {@code action} and {@code outcome} (the final status, e.g. {@code completed}). */
    public static final String REQUESTS = "lifecycle.requests";
    /** Timer: from submission to applied (completed or partially applied), by {@code action}. */
    public static final String REQUEST_APPLIED = "lifecycle.request.applied";
    /** Timer: how long approvals waited for their decision, by {@code action} and {@code decision}. */
    public static final String APPROVAL_WAIT = "lifecycle.approval.wait";
    /** Gauge: open requests by {@code status} (pending-approval, waiting-grace-period, in-progress). */
    public static final String REQUESTS_OPEN = "lifecycle.requests.open";
    /** Counter: failed jobs that run again, by {@code kind} (rate-limited, transient) and {@code family}. */
    public static final String RETRIES = "lifecycle.job.retries";
    /** Counter: incidents raised, by {@code family} and {@code operation}. */
    public static final String INCIDENTS = "lifecycle.incidents";
    /** Timer: Atlassian API calls by {@code family}, {@code operation} and {@code status} (0: no answer). */
    public static final String API_CALLS = "atlassian.api.calls";
    /** Counter: 429 answers by {@code family}. */
    public static final String API_RATE_LIMITED = "atlassian.api.rate.limited";

    public static final String ACTION = "action";
    public static final String OUTCOME = "outcome";
    public static final String DECISION = "decision";
    public static final String STATUS = "status";
    public static final String KIND = "kind";
    public static final String FAMILY = "family";
    public static final String OPERATION = "operation";

    /** The tag value of a failure that was not an Atlassian call's. */
    static final String NONE = "none";

    private MeterNames() {
    }

    /** {@code user-management}, {@code jira}, ...: as the settings spell the families. */
    public static String tag(ApiFamily family) {
        return family == null ? NONE : family.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code PENDING_APPROVAL} as {@code pending-approval}, {@code DISABLE} as {@code disable}. */
    public static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
