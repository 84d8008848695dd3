package io.github.atlassianlifecycle.campaign;

import java.time.Instant;

/**
 * One person of a campaign: whether the notice was sent ({@code notice}, null before the notices go out, and why
 * not in {@code noticeError}) and when, where the row stands, when the person kept access, and the disable request
 * started for the row (or why it could not be, in {@code error}) and when.
 */
public record CampaignRow(String accountId, String email, Notice notice, String noticeError, State state,
        Instant keptAt, String requestId, String error, Instant noticedAt, Instant disabledAt) {

    /** A row as a new campaign stores it: waiting, nothing sent yet. */
    static CampaignRow pending(String accountId, String email) {
        return new CampaignRow(accountId, email, null, null, State.PENDING, null, null, null, null, null);
    }

    /** Whether the person was told. */
    public enum Notice {
        SENT, NOT_SENT
    }

    /** Where the row stands: waiting, kept by the person, handed to its disable request, or its campaign cancelled. */
    public enum State {
        PENDING, KEPT, DISABLED, CANCELLED
    }
}
