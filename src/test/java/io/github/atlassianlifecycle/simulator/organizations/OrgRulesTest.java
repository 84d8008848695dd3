package io.github.atlassianlifecycle.simulator.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Group;
import io.github.atlassianlifecycle.simulator.core.MovableClock;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

class OrgRulesTest {

    static final String JIRA = SimulatorSeeder.JIRA_RESOURCE;

    SimulatorState state;
    Group jiraUsers;
    Group engineering;

    @BeforeEach
    void setUp() {
        state = new SimulatorState(new MovableClock());
        jiraUsers = group("g-jira", "jira-software-users");
        jiraUsers.roleAssignments.put(JIRA, "atlassian/user");
        engineering = group("g-eng", "engineering");
    }

    @Test
    void suspend_holds_the_groups_and_restore_gives_them_back() {
        Account ada = account("ada", true, "g-jira", "g-eng");
        ada.platformRoles.add("atlassian/org-admin");

        assertThat(OrgRules.suspend(ada)).isTrue();
        assertThat(ada.membershipStatus).isEqualTo("suspended");
        assertThat(ada.orgStatus()).isEqualTo("suspended");
        assertThat(ada.orgGroupIds).isEmpty();
        assertThat(ada.suspendedGroupIds).containsExactly("g-jira", "g-eng");
        assertThat(OrgRules.isMember(ada, "g-jira")).isTrue();
        assertThat(OrgRules.suspend(ada)).isFalse();

        assertThat(OrgRules.restore(ada)).isTrue();
        assertThat(ada.orgGroupIds).containsExactly("g-jira", "g-eng");
        assertThat(ada.suspendedGroupIds).isEmpty();
        assertThat(ada.platformRoles).containsExactly("atlassian/org-admin");
        assertThat(OrgRules.restore(ada)).isFalse();
    }

    @Test
    void removal_loses_groups_and_roles_and_hides_only_unmanaged_accounts() {
        Account ada = account("ada", true, "g-jira");
        ada.platformRoles.add("atlassian/org-admin");
        Account guest = account("guest", false, "g-jira");
        OrgRules.suspend(ada);

        assertThat(OrgRules.remove(ada)).isTrue();
        assertThat(OrgRules.remove(guest)).isTrue();
        assertThat(ada.orgGroupIds).isEmpty();
        assertThat(ada.suspendedGroupIds).isEmpty();
        assertThat(ada.platformRoles).isEmpty();
        assertThat(ada.orgStatus()).isEqualTo("not_invited");
        assertThat(OrgRules.visible(ada)).isTrue();
        assertThat(OrgRules.visible(guest)).isFalse();
        assertThat(OrgRules.remove(ada)).isFalse();
    }

    @Test
    void a_suspended_member_joining_a_group_gets_it_on_restore() {
        Account ada = account("ada", true);
        OrgRules.suspend(ada);
        OrgRules.join(ada, "g-eng");
        assertThat(ada.orgGroupIds).isEmpty();
        OrgRules.restore(ada);
        assertThat(ada.orgGroupIds).containsExactly("g-eng");
    }

    @Test
    void only_active_members_hold_seats() {
        account("a", true, "g-jira");
        Account suspended = account("b", true, "g-jira");
        Account inactive = account("c", true, "g-jira");
        account("d", true, "g-eng");
        OrgRules.suspend(suspended);
        inactive.accountStatus = "inactive";

        assertThat(OrgRules.seatsUsed(state, JIRA)).isEqualTo(1);
    }

    @Test
    void joining_a_product_group_over_the_limit_is_refused_unless_the_seat_is_already_held() {
        account("a", true, "g-jira");
        Account newcomer = account("b", true);
        Account holder = account("c", true, "g-jira");

        assertThat(OrgRules.overLimitOnJoin(state, Map.of(JIRA, 2), newcomer, jiraUsers)).contains(JIRA);
        assertThat(OrgRules.overLimitOnJoin(state, Map.of(JIRA, 3), newcomer, jiraUsers)).isEmpty();
        assertThat(OrgRules.overLimitOnJoin(state, Map.of(), newcomer, jiraUsers)).isEmpty();
        assertThat(OrgRules.overLimitOnJoin(state, Map.of(JIRA, 2), newcomer, engineering)).isEmpty();
        jiraUsers.roleAssignments.clear();
        group("g-jira2", "jira-2").roleAssignments.put(JIRA, "atlassian/user");
        holder.orgGroupIds.add("g-jira2");
        assertThat(OrgRules.overLimitOnJoin(state, Map.of(JIRA, 1), holder, state.orgGroups().get("g-jira2")))
                .isEmpty();
    }

    @Test
    void granting_a_product_to_a_group_counts_only_its_members_without_a_seat() {
        account("a", true, "g-jira", "g-eng");
        account("b", true, "g-eng");
        account("c", true, "g-eng");

        assertThat(OrgRules.overLimitOnAssign(state, Map.of(JIRA, 2), engineering, JIRA)).isTrue();
        assertThat(OrgRules.overLimitOnAssign(state, Map.of(JIRA, 3), engineering, JIRA)).isFalse();
        assertThat(OrgRules.overLimitOnAssign(state, Map.of(), engineering, JIRA)).isFalse();
    }

    private Group group(String id, String name) {
        Group group = new Group(id, name, null);
        state.orgGroups().put(id, group);
        return group;
    }

    private Account account(String id, boolean managed, String... groupIds) {
        Account account = new Account(id);
        account.email = id + (managed ? "@demo.example" : "@partner.example");
        account.managed = managed;
        account.orgGroupIds.addAll(java.util.List.of(groupIds));
        return state.add(account);
    }
}
