package io.github.atlassianlifecycle.api.campaign;

import java.time.Instant;
import java.util.List;

import io.github.atlassianlifecycle.campaign.Campaign;
import io.github.atlassianlifecycle.campaign.CampaignRow;

/**
 * A campaign as {@code GET /api/campaigns/{id}} answers it: where it stands and, per person, whether the notice was
 * sent (and why not), whether they kept access, and whether they were disabled, with the disable request's id.
 */
record CampaignAnswer(String id, String status, String reconciliationId, String requestedBy, String decidedBy,
        String decisionComment, Instant noticeEndsAt, Instant createdAt, List<Row> rows) {

    /**
     * {@code notice}: {@code sent}, {@code notice not sent: <why>}, or null before the notices go out.
     * {@code requestId}: the row's own disable request; {@code error}: why none could be started.
     */
    record Row(String accountId, String email, boolean noticeSent, String notice, boolean kept, Instant keptAt,
            boolean disabled, String requestId, String error) {
    }

    /** Where a campaign as a whole stands. */
    enum Status {
        PENDING_APPROVAL, REJECTED, SENDING_NOTICES, NOTICE_PERIOD, COMPLETED
    }

    static CampaignAnswer of(Campaign campaign, List<CampaignRow> rows) {
        Status status;
        if (campaign.decision() == null) {
            status = Status.PENDING_APPROVAL;
        } else if (campaign.decision() == Campaign.Decision.REJECTED) {
            status = Status.REJECTED;
        } else if (campaign.noticeEndsAt() == null) {
            status = Status.SENDING_NOTICES;
        } else if (rows.stream().anyMatch(row -> row.state() == CampaignRow.State.PENDING)) {
            status = Status.NOTICE_PERIOD;
        } else {
            status = Status.COMPLETED;
        }
        return new CampaignAnswer(campaign.id(), status.name(), campaign.reconciliationId(), campaign.requester(),
                campaign.decidedBy(), campaign.decisionComment(), campaign.noticeEndsAt(), campaign.createdAt(),
                rows.stream().map(CampaignAnswer::row).toList());
    }

    private static Row row(CampaignRow row) {
        String notice = row.notice() == null ? null
                : row.notice() == CampaignRow.Notice.SENT ? "sent" : row.noticeError();
        return new Row(row.accountId(), row.email(), row.notice() == CampaignRow.Notice.SENT, notice,
                row.state() == CampaignRow.State.KEPT, row.keptAt(), row.state() == CampaignRow.State.DISABLED,
                row.requestId(), row.error());
    }
}
