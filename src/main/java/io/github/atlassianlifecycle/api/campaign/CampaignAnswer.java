package io.github.atlassianlifecycle.api.campaign;

import java.time.Instant;
import java.util.List;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignRow;

/**
 * A campaign as {@code GET /api/campaigns/{id}} answers it: where it stands and, per person, whether the notice was
 * sent (and why not), whether they kept access, and whether they were disabled, each with its time, and the disable
 * request's id.
 */
record CampaignAnswer(String id, String status, String reconciliationId, String requestedBy, String decidedBy,
        String decisionComment, Instant noticeEndsAt, Instant createdAt, String cancelledBy, Instant cancelledAt,
        List<Row> rows) {

    /**
     * {@code state}: {@code PENDING}, {@code KEPT}, {@code DISABLED} or {@code CANCELLED}. {@code notice}:
     * {@code sent}, {@code notice not sent: <why>}, or null before the notices go out; {@code noticeSentAt} when it
     * was sent. {@code disabledAt}: when the row's disable request was started. {@code requestId}: that request;
     * {@code error}: why none could be started.
     */
    record Row(String accountId, String email, String state, boolean noticeSent, String notice, Instant noticeSentAt,
            boolean kept, Instant keptAt, boolean disabled, Instant disabledAt, String requestId, String error) {
    }

    /** Where a campaign as a whole stands. */
    enum Status {
        PENDING_APPROVAL, REJECTED, SENDING_NOTICES, NOTICE_PERIOD, COMPLETED, CANCELLED
    }

    static CampaignAnswer of(Campaign campaign, List<CampaignRow> rows) {
        return new CampaignAnswer(campaign.id(), status(campaign,
                rows.stream().anyMatch(row -> row.state() == CampaignRow.State.PENDING)).name(),
                campaign.reconciliationId(), campaign.requester(), campaign.decidedBy(), campaign.decisionComment(),
                campaign.noticeEndsAt(), campaign.createdAt(), campaign.cancelledBy(), campaign.cancelledAt(),
                rows.stream().map(CampaignAnswer::row).toList());
    }

    /** @param waiting whether a row still waits (for its keep or its disable) */
    static Status status(Campaign campaign, boolean waiting) {
        Status status;
        if (campaign.cancelledAt() != null) {
            status = Status.CANCELLED;
        } else if (campaign.decision() == null) {
            status = Status.PENDING_APPROVAL;
        } else if (campaign.decision() == Campaign.Decision.REJECTED) {
            status = Status.REJECTED;
        } else if (campaign.noticeEndsAt() == null) {
            status = Status.SENDING_NOTICES;
        } else if (waiting) {
            status = Status.NOTICE_PERIOD;
        } else {
            status = Status.COMPLETED;
        }
        return status;
    }

    private static Row row(CampaignRow row) {
        String notice = row.notice() == null ? null
                : row.notice() == CampaignRow.Notice.SENT ? "sent" : row.noticeError();
        boolean sent = row.notice() == CampaignRow.Notice.SENT;
        return new Row(row.accountId(), row.email(), row.state().name(), sent, notice, sent ? row.noticedAt() : null,
                row.state() == CampaignRow.State.KEPT, row.keptAt(), row.state() == CampaignRow.State.DISABLED,
                row.disabledAt(), row.requestId(), row.error());
    }
}
