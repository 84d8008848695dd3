package io.github.atlassianlifecycle.simulator.core;

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

    private final MovableClock clock;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Group> orgGroups = new LinkedHashMap<>();
    private final Map<String, Group> jiraGroups = new LinkedHashMap<>();
    private final Map<String, Group> confluenceGroups = new LinkedHashMap<>();
    /** Bitbucket Data Center's own users, by lower-cased user name, and its groups (by name). */
    private final Map<String, BitbucketDirectoryUser> bitbucketUsers = new LinkedHashMap<>();
    private final java.util.Set<String> bitbucketGroups = new java.util.LinkedHashSet<>();

    /** What SCIM keeps about the org groups it made (externalId, timestamps), by group id. */
    private final Map<String, ScimGroupInfo> scimGroupInfo = new LinkedHashMap<>();

    public SimulatorState(MovableClock clock) {
        this.clock = clock;
    }

    public MovableClock clock() {
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
        for (Account account : accounts.values()) {
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

    public Account add(Account account) {
        accounts.put(account.accountId, account);
        return account;
    }

    /** The account, unless it never existed (closed accounts are still found; callers decide what closed means). */
    public Optional<Account> account(String accountId) {
        return Optional.ofNullable(accountId == null ? null : accounts.get(accountId));
    }

    public Optional<Account> accountByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = email.toLowerCase(Locale.ROOT);
        return accounts.values().stream()
                .filter(a -> a.email != null && a.email.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public Collection<Account> accounts() {
        return accounts.values();
    }

    public Map<String, Group> orgGroups() {
        return orgGroups;
    }

    public Map<String, Group> jiraGroups() {
        return jiraGroups;
    }

    public Map<String, Group> confluenceGroups() {
        return confluenceGroups;
    }

    public Map<String, BitbucketDirectoryUser> bitbucketUsers() {
        return bitbucketUsers;
    }

    public java.util.Set<String> bitbucketGroups() {
        return bitbucketGroups;
    }

    public Map<String, ScimGroupInfo> scimGroupInfo() {
        return scimGroupInfo;
    }

    public static List<String> names(Collection<String> groupIds, Map<String, Group> namespace) {
        List<String> names = new ArrayList<>();
        for (String id : groupIds) {
            Group group = namespace.get(id);
            names.add(group == null ? id : group.name);
        }
        return names;
    }
}
