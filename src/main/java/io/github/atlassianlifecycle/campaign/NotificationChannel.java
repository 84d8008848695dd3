package io.github.atlassianlifecycle.campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * The way a notice reaches a person (mail, chat, a ticket): a port the application fills. Without one, {@link #NONE}
 * sends nothing and says so, and the campaign's report shows "notice not sent: no channel" for every row.
 */
public interface NotificationChannel {

    /** No channel configured: nothing is sent. */
    NotificationChannel NONE = notice -> Optional.of("no channel");

    /**
     * Sends the notice.
     *
     * @return empty when it was sent; otherwise why not (shown in the campaign's report, so never a secret)
     */
    Optional<String> send(Notice notice);

    /**
     * What the person is told: the campaign, their account, the keep link's path (relative to the application's
     * address, which only the channel knows) and when the link expires and the account is disabled. The path
     * carries the single-use token: a channel passes it to the person and keeps it nowhere else.
     */
    record Notice(String campaignId, String accountId, String email, String keepPath, Instant expiresAt) {

        @Override
        public String toString() { // never the token, should a channel log the notice
            return "Notice[campaignId=" + campaignId + ", accountId=" + accountId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
