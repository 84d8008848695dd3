package io.github.atlassianlifecycle.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the simulated Atlassian knows: accounts, the org directory's groups, Jira's and Confluence's groups.
 * One lock guards it all ({@link #locked}); the simulator favours being obviously right over being fast, and is
 * still far faster than the real APIs' rate limits allow anyone to call it.
 */
public class SimulatorState {

    /** Atlassian closes an account 14 days after a delete; cancel-delete works until then. */
    public static final Duration DELETION_GRACE = Duration.ofDays(14);

    private final SimClock clock;
    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private final Map<String, SimGroup> orgGroups = new LinkedHashMap<>();
    private final Map<String, SimGroup> jiraGroups = new LinkedHashMap<>();
    private final Map<String, SimGroup> confluenceGroups = new LinkedHashMap<>();
    /** Bitbucket Data Center's own users, by lower-cased user name, and its groups (by name). */
    private final Map<String, SimBitbucketUser> bitbucketUsers = new LinkedHashMap<>();
    private final java.util.Set<String> bitbucketGroups = new java.util.LinkedHashSet<>();

    /** What SCIM keeps about the org groups it made (externalId, timestamps), by group id. */
    private final Map<String, SimScimGroupInfo> scimGroupInfo = new LinkedHashMap<>();

    public SimulatorState(SimClock clock) {
        this.clock = clock;
    }

    public SimClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Runs {@code work} under the state's lock, after letting time pass (deletions fall due). */
    public synchronized <T> T locked(Supplier<T> work) {
        settle();
        return work.get();
    }

    public void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** Closes every account whose 14-day deletion window has ended. */
    private void settle() {
        Instant now = now();
        for (SimAccount account : accounts.values()) {
            if (account.forDeletion && !now.isBefore(account.deletionRequestedAt.plus(DELETION_GRACE))) {
                account.forDeletion = false;
                account.accountStatus = "closed";
                account.membershipStatus = "no_membership";
                account.orgGroupIds.clear();
                account.jiraGroupIds.clear();
                account.confluenceGroupIds.clear();
                account.inJira = false;
                account.scimId = null;
            }
        }
    }

    synchronized void clear() {
        accounts.clear();
        orgGroups.clear();
        jiraGroups.clear();
        confluenceGroups.clear();
        bitbucketUsers.clear();
        bitbucketGroups.clear();
        scimGroupInfo.clear();
    }

    SimAccount add(SimAccount account) {
        accounts.put(account.accountId, account);
        return account;
    }

    /** The account, unless it never existed (closed accounts are still found; callers decide what closed means). */
    Optional<SimAccount> account(String accountId) {
        return Optional.ofNullable(accountId == null ? null : accounts.get(accountId));
    }

    Optional<SimAccount> accountByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = email.toLowerCase(Locale.ROOT);
        return accounts.values().stream()
                .filter(a -> a.email != null && a.email.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    Collection<SimAccount> accounts() {
        return accounts.values();
    }

    Map<String, SimGroup> orgGroups() {
        return orgGroups;
    }

    Map<String, SimGroup> jiraGroups() {
        return jiraGroups;
    }

    Map<String, SimGroup> confluenceGroups() {
        return confluenceGroups;
    }

    Map<String, SimBitbucketUser> bitbucketUsers() {
        return bitbucketUsers;
    }

    java.util.Set<String> bitbucketGroups() {
        return bitbucketGroups;
    }

    Map<String, SimScimGroupInfo> scimGroupInfo() {
        return scimGroupInfo;
    }

    static List<String> names(Collection<String> groupIds, Map<String, SimGroup> namespace) {
        List<String> names = new ArrayList<>();
        for (String id : groupIds) {
            SimGroup group = namespace.get(id);
            names.add(group == null ? id : group.name);
        }
        return names;
    }
}
