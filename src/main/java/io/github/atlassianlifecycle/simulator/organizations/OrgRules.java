package io.github.atlassianlifecycle.simulator.organizations;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Group;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/**
 * The organization directory's state machine, apart from HTTP so it reads like the documentation:
 * <ul>
 *   <li>suspend: membership {@code suspended}; groups are held in {@code suspendedGroupIds} (no access, not billed)
 *   and platform roles kept, so restore brings both back;</li>
 *   <li>restore: membership {@code active}, held groups return;</li>
 *   <li>remove from directory: membership {@code no_membership}, groups and roles are lost (Atlassian queues the
 *   removal; the simulator applies it at once);</li>
 *   <li>seats: an active account with active membership holds a seat of every product its groups grant.</li>
 * </ul>
 * Callers hold the {@link SimulatorState} lock.
 */
final class OrgRules {

    private OrgRules() {
    }

    /**
     * Which accounts the directory shows: managed accounts always (also after removal, as {@code not_invited}),
     * unmanaged ones while they are members; closed accounts never.
     */
    static boolean visible(Account account) {
        return !account.isClosed() && (account.managed || !isRemoved(account));
    }

    static boolean isRemoved(Account account) {
        return "no_membership".equals(account.membershipStatus);
    }

    static boolean isSuspended(Account account) {
        return "suspended".equals(account.membershipStatus);
    }

    /** @return true when something changed */
    static boolean suspend(Account account) {
        if (isSuspended(account)) {
            return false;
        }
        account.membershipStatus = "suspended";
        account.suspendedGroupIds.addAll(account.orgGroupIds);
        account.orgGroupIds.clear();
        return true;
    }

    /** @return true when something changed */
    static boolean restore(Account account) {
        if (!isSuspended(account)) {
            return false;
        }
        account.membershipStatus = "active";
        account.orgGroupIds.addAll(account.suspendedGroupIds);
        account.suspendedGroupIds.clear();
        return true;
    }

    /** @return true when something changed */
    static boolean remove(Account account) {
        if (isRemoved(account)) {
            return false;
        }
        account.membershipStatus = "no_membership";
        account.orgGroupIds.clear();
        account.suspendedGroupIds.clear();
        account.platformRoles.clear();
        return true;
    }

    /** An invite: back into the directory (a suspended member stays suspended until restored). */
    static void invite(Account account, java.time.Instant now) {
        if (isRemoved(account)) {
            account.membershipStatus = "active";
            account.addedToOrg = now;
        }
    }

    /** Membership as the API reports it: held groups of a suspended member count. */
    static boolean isMember(Account account, String groupId) {
        return account.orgGroupIds.contains(groupId) || account.suspendedGroupIds.contains(groupId);
    }

    static Set<String> memberships(Account account) {
        Set<String> all = new LinkedHashSet<>(account.orgGroupIds);
        all.addAll(account.suspendedGroupIds);
        return all;
    }

    /** Adds the membership; a suspended member's new group is held until restore. */
    static void join(Account account, String groupId) {
        if (isSuspended(account)) {
            account.suspendedGroupIds.add(groupId);
        } else {
            account.orgGroupIds.add(groupId);
        }
    }

    static boolean leave(Account account, String groupId) {
        boolean active = account.orgGroupIds.remove(groupId);
        boolean held = account.suspendedGroupIds.remove(groupId);
        return active || held;
    }

    // ---- seats

    /** Billed: an active account with active membership. Suspended, removed and deactivated users are not. */
    static boolean billable(Account account) {
        return account.isActive() && !account.forDeletion && "active".equals(account.membershipStatus);
    }

    static boolean holdsSeat(Account account, String resourceId, Map<String, Group> groups) {
        if (!billable(account)) {
            return false;
        }
        for (String groupId : account.orgGroupIds) {
            Group group = groups.get(groupId);
            if (group != null && group.roleAssignments.containsKey(resourceId)) {
                return true;
            }
        }
        return false;
    }

    static int seatsUsed(SimulatorState state, String resourceId) {
        int used = 0;
        for (Account account : state.accounts()) {
            if (holdsSeat(account, resourceId, state.orgGroups())) {
                used++;
            }
        }
        return used;
    }

    /** The product whose user limit adding {@code account} to {@code group} would break, if any. */
    static Optional<String> overLimitOnJoin(SimulatorState state, Map<String, Integer> limits, Account account,
            Group group) {
        if (!billable(account)) {
            return Optional.empty();
        }
        for (String resourceId : group.roleAssignments.keySet()) {
            Integer limit = limits.get(resourceId);
            if (limit != null && !holdsSeat(account, resourceId, state.orgGroups())
                    && seatsUsed(state, resourceId) + 1 > limit) {
                return Optional.of(resourceId);
            }
        }
        return Optional.empty();
    }

    /** Whether granting {@code resourceId} to every member of {@code group} would break the product's limit. */
    static boolean overLimitOnAssign(SimulatorState state, Map<String, Integer> limits, Group group,
            String resourceId) {
        Integer limit = limits.get(resourceId);
        if (limit == null || group.roleAssignments.containsKey(resourceId)) {
            return false;
        }
        int newHolders = 0;
        for (Account account : state.accounts()) {
            if (billable(account) && account.orgGroupIds.contains(group.id)
                    && !holdsSeat(account, resourceId, state.orgGroups())) {
                newHolders++;
            }
        }
        return newHolders > 0 && seatsUsed(state, resourceId) + newHolders > limit;
    }
}
