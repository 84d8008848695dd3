package io.github.atlassianlifecycle.client;

import static io.github.atlassianlifecycle.client.OrganizationsClientIT.expectApiError;
import static io.github.atlassianlifecycle.client.OrganizationsClientIT.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.organizations.GroupSearch;
import io.github.atlassianlifecycle.client.organizations.OrgGroup;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.organizations.Page;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;

/**
 * The organizations client and the simulator agree on groups, memberships and group role assignments (product
 * seats), over real HTTP, including the conflicts: already a member, licence limit, IdP-synced groups.
 */
@SimulatorOnlyTest
class OrganizationsGroupsClientIT {

    static final String JIRA = SimulatorSeeder.JIRA_RESOURCE;
    static final String USER_ROLE = "atlassian/user";

    @LocalServerPort
    int port;

    ClientFixture fixture;
    SimulatorControl simulator;
    OrganizationsClient client;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new OrganizationsClient(fixture.transport(), fixture.organizations(), OrganizationsClientIT.ORG,
                OrganizationsClientIT.DIRECTORY);
    }

    // ---- reading groups

    @Test
    void searching_groups_two_at_a_time_takes_four_pages_and_shows_every_group_once() {
        List<String> seeded = groupNames();
        assertThat(seeded).hasSizeGreaterThanOrEqualTo(7);
        List<String> seen = new ArrayList<>();
        int pages = 0;
        GroupSearch search = GroupSearch.all().withLimit(2);
        while (true) {
            Page<OrgGroup> page = client.searchGroups(search);
            page.data().forEach(g -> seen.add(g.name()));
            pages++;
            if (!page.hasNext()) {
                break;
            }
            search = search.withCursor(page.nextCursor().orElseThrow());
        }

        assertThat(pages).isGreaterThanOrEqualTo(3).isEqualTo((seeded.size() + 1) / 2);
        assertThat(seen).containsExactlyElementsOf(seeded);
        assertThat(client.searchAllGroups(GroupSearch.all())).extracting(OrgGroup::name)
                .containsExactlyElementsOf(seeded);
    }

    @Test
    void groups_are_found_by_name_ignoring_case_and_by_member() {
        String id = simulator.activeManagedAccount();

        assertThat(client.findGroupByName("ENGINEERING")).map(OrgGroup::id).hasValue(simulator.orgGroupId("engineering"));
        assertThat(client.findGroupByName("no-such-group")).isEmpty();
        assertThat(client.searchAllGroups(GroupSearch.byAccountIds(id))).extracting(OrgGroup::name)
                .containsExactlyInAnyOrderElementsOf(strings(simulator.account(id).get("orgGroups")));
    }

    @Test
    void a_group_synced_from_the_identity_provider_says_so() {
        OrgGroup synced = client.findGroupByName("idp-synced-staff").orElseThrow();
        assertThat(synced.isSynced()).isTrue();
        assertThat(client.findGroupByName("finance").orElseThrow().isSynced()).isFalse();
    }

    @Test
    void a_bad_group_cursor_answers_400() {
        expectApiError(() -> client.searchGroups(GroupSearch.all().withLimit(2).withCursor("bogus")), 400,
                "ADMIN-UAM-400-1");
        String usersCursor = client.searchUsers(
                io.github.atlassianlifecycle.client.organizations.UserSearch.all().withLimit(5)).nextCursor().orElseThrow();
        expectApiError(() -> client.searchGroups(GroupSearch.all().withCursor(usersCursor)), 400, "ADMIN-UAM-400-1");
    }

    // ---- creating groups

    @Test
    void a_new_group_is_created_and_a_taken_name_answers_409() {
        OrgGroup created = client.createGroup("contractors", "People on contract");

        assertThat(created.id()).isNotBlank();
        assertThat(created.name()).isEqualTo("contractors");
        assertThat(simulator.orgGroupId("contractors")).isEqualTo(created.id());
        expectApiError(() -> client.createGroup("contractors", null), 409, "ADMIN-UAM-409-2");
        expectApiError(() -> client.createGroup("Finance", null), 409, "ADMIN-UAM-409-2");
        assertThat(groupNames()).filteredOn("contractors"::equals).hasSize(1);
    }

    @Test
    void a_created_group_is_looked_up_by_name_without_an_answer_body_and_read_from_one_when_switched() {
        OrgGroup looked = client.createGroup("contractors", null);
        assertThat(simulator.lastStatus("organizations.createGroup")).isEqualTo(204);
        assertThat(simulator.lastStatus("organizations.searchGroups")).isEqualTo(200);
        assertThat(looked.id()).isEqualTo(simulator.orgGroupId("contractors"));

        simulator.behaviour(Map.of("orgCreatedGroupInAnswer", true));
        OrgGroup read = client.createGroup("temps", "Temporary staff");
        assertThat(simulator.lastStatus("organizations.createGroup")).isEqualTo(201);
        assertThat(read.id()).isEqualTo(simulator.orgGroupId("temps"));
        assertThat(read.description()).isEqualTo("Temporary staff");
    }

    @Test
    void group_writes_accept_204_and_200_alike() {
        for (int status : new int[] { 204, 200 }) {
            simulator.reset();
            simulator.behaviour(Map.of("orgActionStatus", status));
            String finance = simulator.orgGroupId("finance");
            String id = account(notIn("finance"));

            assertThat(client.addMembershipIfAbsent(finance, id)).isTrue();
            assertThat(simulator.lastStatus("organizations.addMembership")).isEqualTo(status);
            client.removeMembership(finance, id);
            assertThat(simulator.lastStatus("organizations.removeMembership")).isEqualTo(status);
            client.assignRole(finance, SimulatorSeeder.JIRA_RESOURCE, "atlassian/user");
            assertThat(simulator.lastStatus("organizations.assignRole")).isEqualTo(status);
            client.revokeRole(finance, SimulatorSeeder.JIRA_RESOURCE, "atlassian/user");
            assertThat(simulator.lastStatus("organizations.revokeRole")).isEqualTo(status);
            assertThat(client.createGroup("contractors-" + status, null).name()).isEqualTo("contractors-" + status);
            assertThat(simulator.lastStatus("organizations.createGroup")).isEqualTo(status);
            assertThat(strings(simulator.account(id).get("orgGroups"))).doesNotContain("finance");
        }
    }

    // ---- memberships

    @Test
    void a_member_is_added_and_removed() {
        String finance = simulator.orgGroupId("finance");
        String id = account(notIn("finance"));

        client.addMembership(finance, id);
        assertThat(strings(simulator.account(id).get("orgGroups"))).contains("finance");

        client.removeMembership(finance, id);
        assertThat(strings(simulator.account(id).get("orgGroups"))).doesNotContain("finance");
        client.removeMembership(finance, id); // not a member any more: still 2xx
        assertThat(simulator.calls(id)).extractingByKey("countsByAccount").asString()
                .contains("organizations.addMembership=1").contains("organizations.removeMembership=2");
    }

    @Test
    void re_adding_a_member_answers_409_by_default_and_2xx_when_switched() {
        String engineering = simulator.orgGroupId("engineering");
        String id = account(in("engineering"));

        expectApiError(() -> client.addMembership(engineering, id), 409, "ADMIN-UAM-409-2");
        assertThat(client.addMembershipIfAbsent(engineering, id)).isFalse();

        simulator.behaviour(Map.of("groupMemberReaddConflict", false));
        client.addMembership(engineering, id);
        assertThat(client.addMembershipIfAbsent(engineering, id)).isTrue(); // a 2xx cannot tell: see its Javadoc

        assertThat(strings(simulator.account(id).get("orgGroups"))).filteredOn("engineering"::equals).hasSize(1);
        assertThat(members("engineering")).filteredOn(id::equals).hasSize(1);
    }

    @Test
    void add_membership_if_absent_adds_a_new_member_and_says_so() {
        String finance = simulator.orgGroupId("finance");
        String id = account(notIn("finance"));
        assertThat(client.addMembershipIfAbsent(finance, id)).isTrue();
        assertThat(client.addMembershipIfAbsent(finance, id)).isFalse();
        assertThat(members("finance")).contains(id);
    }

    @Test
    void a_deactivated_user_cannot_join_a_group() {
        String finance = simulator.orgGroupId("finance");
        String id = simulator.anyAccount(a -> "inactive".equals(a.get("accountStatus"))
                && !strings(a.get("orgGroups")).contains("finance"));

        expectApiError(() -> client.addMembership(finance, id), 400, "ADMIN-UAM-400-2");
        assertThat(strings(simulator.account(id).get("orgGroups"))).doesNotContain("finance");
    }

    @Test
    void a_group_synced_from_the_identity_provider_refuses_membership_changes() {
        String synced = simulator.orgGroupId("idp-synced-staff");
        String outsider = account(notIn("idp-synced-staff"));
        String member = members("idp-synced-staff").get(0);

        expectApiError(() -> client.addMembership(synced, outsider), 403, "ADMIN-UAM-403-1");
        expectApiError(() -> client.removeMembership(synced, member), 403, "ADMIN-UAM-403-1");
        assertThat(members("idp-synced-staff")).contains(member).doesNotContain(outsider);
    }

    @Test
    void an_unknown_group_answers_404_3_and_an_unknown_member_404_1() {
        String id = simulator.activeManagedAccount();
        expectApiError(() -> client.addMembership("no-such-group", id), 404, "ADMIN-UAM-404-3");
        expectApiError(() -> client.removeMembership("no-such-group", id), 404, "ADMIN-UAM-404-3");
        expectApiError(() -> client.assignRole("no-such-group", JIRA, USER_ROLE), 404, "ADMIN-UAM-404-3");
        expectApiError(() -> client.addMembership(simulator.orgGroupId("finance"), "0000000000000000deadbeef"),
                404, "ADMIN-UAM-404-1");
    }

    @Test
    void a_suspended_member_keeps_a_new_group_for_restore() {
        String finance = simulator.orgGroupId("finance");
        String id = account(notIn("finance"));
        client.suspend(id);

        client.addMembership(finance, id);
        assertThat(strings(simulator.account(id).get("suspendedOrgGroups"))).contains("finance");
        assertThat(strings(simulator.account(id).get("orgGroups"))).doesNotContain("finance");

        client.restore(id);
        assertThat(strings(simulator.account(id).get("orgGroups"))).contains("finance");
    }

    // ---- role assignments and seats

    @Test
    void assigning_a_product_role_gives_members_a_seat_and_revoking_takes_it_back() {
        OrgGroup group = client.createGroup("jira-contractors", null);
        String id = account(notIn("jira-software-users"));
        client.addMembership(group.id(), id);
        int before = seatsUsed(JIRA);

        client.assignRole(group.id(), JIRA, USER_ROLE);
        assertThat(roleAssignments("jira-contractors")).containsEntry(JIRA, USER_ROLE);
        assertThat(seatsUsed(JIRA)).isEqualTo(before + 1);
        client.assignRole(group.id(), JIRA, USER_ROLE); // again: nothing changes

        client.revokeRole(group.id(), JIRA, USER_ROLE);
        assertThat(roleAssignments("jira-contractors")).isEmpty();
        assertThat(seatsUsed(JIRA)).isEqualTo(before);
    }

    @Test
    void a_group_synced_from_the_identity_provider_can_still_be_given_a_product() {
        String synced = simulator.orgGroupId("idp-synced-staff");
        client.assignRole(synced, SimulatorSeeder.CONFLUENCE_RESOURCE, USER_ROLE);
        assertThat(roleAssignments("idp-synced-staff")).containsEntry(SimulatorSeeder.CONFLUENCE_RESOURCE, USER_ROLE);
    }

    @Test
    void a_product_the_organization_does_not_have_answers_400_4() {
        String finance = simulator.orgGroupId("finance");
        expectApiError(() -> client.assignRole(finance, "ari:cloud:trello::site/nope", USER_ROLE), 400,
                "ADMIN-UAM-400-4");
        assertThat(roleAssignments("finance")).isEmpty();
    }

    @Test
    void over_the_licence_limit_joining_or_granting_answers_409_3() {
        int used = seatsUsed(JIRA);
        simulator.behaviour(Map.of("seatLimits", Map.of(JIRA, used)));
        String jiraUsers = simulator.orgGroupId("jira-software-users");
        String newcomer = account(notIn("jira-software-users"));

        expectApiError(() -> client.addMembership(jiraUsers, newcomer), 409, "ADMIN-UAM-409-3");
        assertThat(members("jira-software-users")).doesNotContain(newcomer);

        String sales = simulator.orgGroupId("sales"); // some of its members have no Jira seat yet
        expectApiError(() -> client.assignRole(sales, JIRA, USER_ROLE), 409, "ADMIN-UAM-409-3");
        assertThat(roleAssignments("sales")).isEmpty();

        // a suspended user is not billed: suspending one frees the seat the newcomer needs
        String holder = account(in("jira-software-users"));
        client.suspend(holder);
        client.addMembership(jiraUsers, newcomer);
        assertThat(members("jira-software-users")).contains(newcomer);
        assertThat(seatsUsed(JIRA)).isEqualTo(used);
    }

    @Test
    void without_a_limit_products_are_unlimited() {
        simulator.behaviour(Map.of("seatLimits", Map.of(JIRA, 0)));
        simulator.behaviour(Map.of("seatLimits", Map.of()));
        String newcomer = account(notIn("jira-software-users"));
        client.addMembership(simulator.orgGroupId("jira-software-users"), newcomer);
        assertThat(members("jira-software-users")).contains(newcomer);
    }

    // ---- helpers

    private String account(Predicate<Map<String, Object>> more) {
        return simulator.anyAccount(SimulatorControl.managed().and(a -> "active".equals(a.get("status"))
                && a.get("externalDirectory") == null).and(more));
    }

    private static Predicate<Map<String, Object>> in(String group) {
        return a -> strings(a.get("orgGroups")).contains(group);
    }

    private static Predicate<Map<String, Object>> notIn(String group) {
        return a -> !strings(a.get("orgGroups")).contains(group);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> orgGroups() {
        return (List<Map<String, Object>>) simulator.organization().get("groups");
    }

    private List<String> groupNames() {
        return orgGroups().stream().map(g -> (String) g.get("name")).toList();
    }

    private Map<String, Object> group(String name) {
        return orgGroups().stream().filter(g -> name.equals(g.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> roleAssignments(String name) {
        return (Map<String, Object>) group(name).get("roleAssignments");
    }

    private List<String> members(String name) {
        return strings(group(name).get("members"));
    }

    @SuppressWarnings("unchecked")
    private int seatsUsed(String resource) {
        return ((Number) ((Map<String, Object>) simulator.organization().get("seatsUsed")).get(resource)).intValue();
    }
}
