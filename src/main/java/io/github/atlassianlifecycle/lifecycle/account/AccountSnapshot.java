package io.github.atlassianlifecycle.lifecycle.account;

import java.time.Instant;
import java.util.List;

/**
 * The groups and product access an account had just before it was disabled, kept so that {@code account-enable}
 * can restore exactly them (and not whatever stale groups a reactivation would otherwise bring back). It also
 * keeps the SCIM id: SCIM hides deactivated users from its filters, so it is the only way back to them.
 */
public record AccountSnapshot(String accountId, String scimId, Instant takenAt, String accountStatus,
        String membershipStatus, List<GroupRef> orgGroups, List<GroupRef> jiraGroups, List<GroupRef> confluenceGroups) {

    public AccountSnapshot {
        orgGroups = orgGroups == null ? List.of() : List.copyOf(orgGroups);
        jiraGroups = jiraGroups == null ? List.of() : List.copyOf(jiraGroups);
        confluenceGroups = confluenceGroups == null ? List.of() : List.copyOf(confluenceGroups);
    }

    public static AccountSnapshot of(AccountFacts facts, Instant takenAt) {
        return new AccountSnapshot(facts.accountId(), facts.scimId(), takenAt, facts.accountStatus(),
                facts.membershipStatus(),
                facts.orgGroups(), facts.jiraGroups(), facts.confluenceGroups());
    }
}
