package io.github.atlassianlifecycle.campaign;

import java.time.Instant;

/**
 * One person of a campaign: whether the notice was sent ({@code notice}, null before the notices go out, and why
 * not in {@code noticeError}), where the row stands, when the person kept access, and the disable request started
 * for the row (or why it could not be, in {@code error}).
 */
public record CampaignRow(String accountId, String email, Notice notice, String noticeError, State state,
        Instant keptAt, String requestId, String error) {

    /** Whether the person was told. */
    public enum Notice {
        SENT, NOT_SENT
    }

    /** Where the row stands: waiting, kept by the person, or handed to its disable request. */
    public enum State {
        PENDING, KEPT, DISABLED
    }
}
