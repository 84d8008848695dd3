package io.github.atlassianlifecycle.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.github.atlassianlifecycle.request.RequestQuery;
import io.github.atlassianlifecycle.request.RequestRepository;

/**
 * Accounts of the simulator that a test may change: managed, active, outside an external directory, with no platform
 * role, not marked for deletion, and touched by no request on record (of any class sharing the database) nor handed
 * to any test of this JVM before. Taken at random, so classes that pick accounts their own way rarely collide.
 */
public final class FreeAccounts {

    /** JVM-wide: two classes sharing the demo context never get the same account. */
    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    private final SimulatorControl simulator;
    private final Predicate<String> untouchedByRequests;

    public FreeAccounts(SimulatorControl simulator, RequestRepository requests) {
        this(simulator, account -> requests.search(new RequestQuery(account, null, null, null, false, 0, 1)).isEmpty());
    }

    private FreeAccounts(SimulatorControl simulator, Predicate<String> untouchedByRequests) {
        this.simulator = simulator;
        this.untouchedByRequests = untouchedByRequests;
    }

    /** For a simulator a test started as a process of its own: no request store of this JVM knows its accounts. */
    public static FreeAccounts ofOwnSimulator(SimulatorControl simulator) {
        return new FreeAccounts(simulator, account -> true);
    }

    /** A free account. */
    public String take() {
        return take(account -> true);
    }

    /** A free account that also matches {@code also} (for example, in exactly one Jira group). */
    public String take(Predicate<Map<String, Object>> also) {
        List<String> candidates = new ArrayList<>(simulator.accounts().stream()
                .filter(SimulatorControl.managed())
                .filter(a -> "active".equals(a.get("accountStatus")) && a.get("externalDirectory") == null)
                .filter(a -> !Boolean.TRUE.equals(a.get("forDeletion")))
                .filter(a -> ((List<?>) a.get("platformRoles")).isEmpty())
                .filter(also)
                .map(a -> (String) a.get("accountId")).toList());
        Collections.shuffle(candidates);
        for (String account : candidates) {
            if (!TAKEN.contains(account) && untouchedByRequests.test(account) && TAKEN.add(account)) {
                return account;
            }
        }
        throw new AssertionError("no free account left in the simulator");
    }
}
