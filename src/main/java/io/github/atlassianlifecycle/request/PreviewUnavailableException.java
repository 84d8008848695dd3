package io.github.atlassianlifecycle.request;

import java.time.Instant;

/**
 * A dry run could not read Atlassian just now (rate-limited, a server error, no answer). A real request would wait
 * and retry; a dry run answers at once, so the caller asks again later.
 */
public class PreviewUnavailableException extends RuntimeException {

    private final transient Instant retryAt;

    /**
     * @param message what could not be read; never a credential
     * @param retryAt when Atlassian said to try again, or null
     */
    public PreviewUnavailableException(String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.retryAt = retryAt;
    }

    /** When Atlassian said to try again; null when it did not say. */
    public Instant retryAt() {
        return retryAt;
    }
}
