package io.github.atlassianlifecycle.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** Test helper over the simulator's control endpoints, through real HTTP. */
public final class SimulatorControl {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ACCOUNTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    private final RestClient http;

    public SimulatorControl(String simulatorBaseUrl) {
        this.http = RestClient.builder().baseUrl(simulatorBaseUrl + "/_control").build();
    }

    public void reset() {
        http.post().uri("/reset").retrieve().toBodilessEntity();
    }

    public List<Map<String, Object>> accounts() {
        return http.get().uri("/accounts").retrieve().body(ACCOUNTS);
    }

    public Map<String, Object> account(String accountId) {
        return http.get().uri("/accounts/{id}", accountId).retrieve().body(OBJECT);
    }

    /** The first seeded account matching {@code filter}; fails the test when there is none. */
    public String anyAccount(Predicate<Map<String, Object>> filter) {
        return accounts().stream().filter(filter).map(a -> (String) a.get("accountId")).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator has no such account"));
    }

    public String activeManagedAccount() {
        return anyAccount(a -> "managed".equals(a.get("claimStatus")) && "active".equals(a.get("accountStatus"))
                && a.get("externalDirectory") == null);
    }

    public Map<String, Object> calls(String accountId) {
        return http.get().uri(b -> b.path("/calls").queryParam("accountId", accountId).build()).retrieve().body(OBJECT);
    }

    /** The calls recorded for this account, by operation (complete: the log counts every call it credits). */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> countsOf(String accountId) {
        Map<String, Object> byAccount = (Map<String, Object>) calls(accountId).get("countsByAccount");
        return counts((Map<String, Object>) byAccount.getOrDefault(accountId, Map.of()));
    }

    /** Every recorded call since the last reset, by operation. */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> countsByOperation() {
        return counts((Map<String, Object>) callLog().get("countsByOperation"));
    }

    private static Map<String, Integer> counts(Map<String, Object> counts) {
        Map<String, Integer> typed = new java.util.TreeMap<>();
        counts.forEach((operation, count) -> typed.put(operation, ((Number) count).intValue()));
        return typed;
    }

    /** The whole call log: {@code total}, {@code calls} (the newest 50,000), {@code countsByOperation}, {@code countsByAccount}. */
    public Map<String, Object> callLog() {
        return http.get().uri("/calls").retrieve().body(OBJECT);
    }

    /** Every recorded call (time, method, path, status, operation, accountId), oldest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> allCalls() {
        return (List<Map<String, Object>>) http.get().uri("/calls").retrieve().body(OBJECT).get("calls");
    }

    public void behaviour(Map<String, Object> switches) {
        http.put().uri("/behaviour").body(switches).retrieve().toBodilessEntity();
    }

    public void faults(Map<String, Object> faults) {
        http.put().uri("/faults").body(faults).retrieve().toBodilessEntity();
    }

    /** The org's groups (role assignments, members, IdP ownership) and seats used per product. */
    public Map<String, Object> organization() {
        return http.get().uri("/org").retrieve().body(OBJECT);
    }

    /** The id of the org group with this name; fails the test when there is none. */
    @SuppressWarnings("unchecked")
    public String orgGroupId(String name) {
        return ((List<Map<String, Object>>) organization().get("groups")).stream()
                .filter(g -> name.equals(g.get("name"))).map(g -> (String) g.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator has no org group " + name));
    }

    public void advanceClock(String isoDuration) {
        http.post().uri("/clock").body(Map.of("advance", isoDuration)).retrieve().toBodilessEntity();
    }

    /** The HTTP status of the newest recorded call of {@code operation} (e.g. {@code jira.removeUserFromGroup}). */
    @SuppressWarnings("unchecked")
    public int lastStatus(String operation) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) http.get().uri("/calls").retrieve().body(OBJECT)
                .get("calls");
        for (int i = all.size() - 1; i >= 0; i--) {
            if (operation.equals(all.get(i).get("operation"))) {
                return ((Number) all.get(i).get("status")).intValue();
            }
        }
        throw new AssertionError("the simulator recorded no call of " + operation);
    }

    /** The simulated Bitbucket Data Center's own users: name, displayName, emailAddress, active, groups. */
    public List<Map<String, Object>> bitbucketUsers() {
        return http.get().uri("/bitbucket/users").retrieve().body(ACCOUNTS);
    }

    public Optional<Map<String, Object>> bitbucketUser(String name) {
        return bitbucketUsers().stream().filter(u -> name.equalsIgnoreCase((String) u.get("name"))).findFirst();
    }

    public static Predicate<Map<String, Object>> managed() {
        return a -> "managed".equals(a.get("claimStatus"));
    }

    public static Predicate<Map<String, Object>> unmanaged() {
        return a -> "unmanaged".equals(a.get("claimStatus"));
    }

    public static Predicate<Map<String, Object>> scimManaged() {
        return a -> "scim".equals(a.get("externalDirectory"));
    }
}
