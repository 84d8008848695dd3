package io.github.atlassianlifecycle.simulator.organizations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Group;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/** The organizations API's body shapes: v2 user, group and directory, v1 last-active dates. */
final class OrgViews {

    static final String EXPAND_GROUPS = "groups";
    static final String EXPAND_PRODUCT_ACCESS = "productAccess";
    static final String EXPAND_PLATFORM_ROLES = "platformRoles";
    static final String EXPAND_COUNTS_RESOURCES = "counts.resources";

    private OrgViews() {
    }

    static Map<String, Object> user(Account account, SimulatorState state, String orgId, String directoryId,
            Set<String> expand) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accountId", account.accountId);
        view.put("accountType", account.accountType);
        view.put("status", account.orgStatus());
        view.put("accountStatus", account.accountStatus);
        view.put("membershipStatus", account.membershipStatus);
        view.put("addedToOrg", text(account.addedToOrg));
        view.put("name", account.name);
        view.put("nickname", account.nickname);
        view.put("email", account.email);
        view.put("emailVerified", account.emailVerified);
        view.put("claimStatus", account.managed ? "managed" : "unmanaged");
        if (expand.contains(EXPAND_PLATFORM_ROLES)) {
            view.put("platformRoles", List.copyOf(account.platformRoles));
        }
        view.put("managementSource", account.managementSource);
        view.put("deactivatedOn", text(account.deactivatedOn));
        view.put("forDeletion", account.forDeletion);
        if (expand.contains(EXPAND_GROUPS)) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (String groupId : OrgRules.memberships(account)) {
                Group group = state.orgGroups().get(groupId);
                if (group != null) {
                    Map<String, Object> ref = new LinkedHashMap<>();
                    ref.put("id", group.id);
                    ref.put("name", group.name);
                    ref.put("description", group.description);
                    groups.add(ref);
                }
            }
            view.put("groups", groups);
        }
        if (expand.contains(EXPAND_COUNTS_RESOURCES)) {
            view.put("counts", Map.of("resources", resources(account, state)));
        }
        if (expand.contains(EXPAND_PRODUCT_ACCESS)) {
            List<Map<String, Object>> products = new ArrayList<>();
            account.lastActive.forEach((key, when) -> products.add(
                    Map.of("key", key, "id", SimulatorSeeder.CLOUD_ID, "lastActiveTimestamp", when.toString())));
            view.put("productAccess", products);
        }
        view.put("links", Map.of("self",
                "/admin/v2/orgs/" + orgId + "/directories/" + directoryId + "/users/" + account.accountId));
        return view;
    }

    /** The products the account's groups give it a role on. */
    private static int resources(Account account, SimulatorState state) {
        Set<String> resources = new java.util.HashSet<>();
        for (String groupId : OrgRules.memberships(account)) {
            Group group = state.orgGroups().get(groupId);
            if (group != null) {
                resources.addAll(group.roleAssignments.keySet());
            }
        }
        return resources.size();
    }

    static Map<String, Object> group(Group group, String orgId, String directoryId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", group.id);
        view.put("name", group.name);
        view.put("description", group.description);
        view.put("directoryId", directoryId);
        view.put("externalSynced", group.managedByScim);
        view.put("managedBy", group.managedByScim ? "external" : "admins");
        view.put("links", Map.of("self", "/admin/v2/orgs/" + orgId + "/directories/" + directoryId + "/groups/" + group.id));
        return view;
    }

    static Map<String, Object> directory(String directoryId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("directoryId", directoryId);
        view.put("name", "Demo directory");
        view.put("icon", "https://admin.atlassian.com/directory-icon.svg");
        return view;
    }

    /** v1 snake_case: {@code {"data": {"product_access": [...], "added_to_org": ...}, "links": {}}}. */
    static Map<String, Object> lastActiveDates(Account account) {
        List<Map<String, Object>> products = new ArrayList<>();
        account.lastActive.forEach((key, when) -> {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("id", SimulatorSeeder.CLOUD_ID);
            product.put("key", key);
            product.put("last_active", day(when));
            product.put("last_active_timestamp", when.toString());
            products.add(product);
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("product_access", products);
        data.put("added_to_org", day(account.addedToOrg));
        data.put("added_to_org_timestamp", text(account.addedToOrg));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", data);
        answer.put("links", Map.of());
        return answer;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String day(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
