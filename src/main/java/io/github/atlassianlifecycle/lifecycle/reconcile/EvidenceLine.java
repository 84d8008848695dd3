package io.github.atlassianlifecycle.lifecycle.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a finding rests on: which read ({@code source}, the client operation) saw what, and when. A reviewer
 * and an auditor can check each line against the API without trusting the classification.
 */
public record EvidenceLine(String source, String observed, Instant readAt) {

    public EvidenceLine {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(readAt, "readAt");
    }
}
