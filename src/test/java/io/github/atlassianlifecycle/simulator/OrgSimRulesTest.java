package io.github.atlassianlifecycle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgSimRulesTest {

    static final String JIRA = SimulatorSeeder.JIRA_RESOURCE;

    SimulatorState state;
    SimGroup jiraUsers;
    SimGroup engineering;

    @BeforeEach
    void setUp() {
        state = new SimulatorState(new SimClock());
        jiraUsers = group("g-jira", "jira-software-users");
        jiraUsers.roleAssignments.put(JIRA, "atlassian/user");
        engineering = group("g-eng", "engineering");
    }

    @Test
    void suspend_holds_the_groups_and_restore_gives_them_back() {
        SimAccount ada = account("ada", true, "g-jira", "g-eng");
        ada.platformRoles.add("org-admin");

        assertThat(OrgSimRules.suspend(ada)).isTrue();
        assertThat(ada.membershipStatus).isEqualTo("suspended");
        assertThat(ada.orgStatus()).isEqualTo("suspended");
        assertThat(ada.orgGroupIds).isEmpty();
        assertThat(ada.suspendedGroupIds).containsExactly("g-jira", "g-eng");
        assertThat(OrgSimRules.isMember(ada, "g-jira")).isTrue();
        assertThat(OrgSimRules.suspend(ada)).isFalse();

        assertThat(OrgSimRules.restore(ada)).isTrue();
        assertThat(ada.orgGroupIds).containsExactly("g-jira", "g-eng");
        assertThat(ada.suspendedGroupIds).isEmpty();
        assertThat(ada.platformRoles).containsExactly("org-admin");
        assertThat(OrgSimRules.restore(ada)).isFalse();
    }

    @Test
    void removal_loses_groups_and_roles_and_hides_only_unmanaged_accounts() {
        SimAccount ada = account("ada", true, "g-jira");
        ada.platformRoles.add("org-admin");
        SimAccount guest = account("guest", false, "g-jira");
        OrgSimRules.suspend(ada);

        assertThat(OrgSimRules.remove(ada)).isTrue();
        assertThat(OrgSimRules.remove(guest)).isTrue();
        assertThat(ada.orgGroupIds).isEmpty();
        assertThat(ada.suspendedGroupIds).isEmpty();
        assertThat(ada.platformRoles).isEmpty();
        assertThat(ada.orgStatus()).isEqualTo("not_invited");
        assertThat(OrgSimRules.visible(ada)).isTrue();
        assertThat(OrgSimRules.visible(guest)).isFalse();
        assertThat(OrgSimRules.remove(ada)).isFalse();
    }

    @Test
    void a_suspended_member_joining_a_group_gets_it_on_restore() {
        SimAccount ada = account("ada", true);
        OrgSimRules.suspend(ada);
        OrgSimRules.join(ada, "g-eng");
        assertThat(ada.orgGroupIds).isEmpty();
        OrgSimRules.restore(ada);
        assertThat(ada.orgGroupIds).containsExactly("g-eng");
    }

    @Test
    void only_active_members_hold_seats() {
        account("a", true, "g-jira");
        SimAccount suspended = account("b", true, "g-jira");
        SimAccount inactive = account("c", true, "g-jira");
        account("d", true, "g-eng");
        OrgSimRules.suspend(suspended);
        inactive.accountStatus = "inactive";

        assertThat(OrgSimRules.seatsUsed(state, JIRA)).isEqualTo(1);
    }

    @Test
    void joining_a_product_group_over_the_limit_is_refused_unless_the_seat_is_already_held() {
        account("a", true, "g-jira");
        SimAccount newcomer = account("b", true);
        SimAccount holder = account("c", true, "g-jira");

        assertThat(OrgSimRules.overLimitOnJoin(state, Map.of(JIRA, 2), newcomer, jiraUsers)).contains(JIRA);
        assertThat(OrgSimRules.overLimitOnJoin(state, Map.of(JIRA, 3), newcomer, jiraUsers)).isEmpty();
        assertThat(OrgSimRules.overLimitOnJoin(state, Map.of(), newcomer, jiraUsers)).isEmpty();
        assertThat(OrgSimRules.overLimitOnJoin(state, Map.of(JIRA, 2), newcomer, engineering)).isEmpty();
        jiraUsers.roleAssignments.clear();
        group("g-jira2", "jira-2").roleAssignments.put(JIRA, "atlassian/user");
        holder.orgGroupIds.add("g-jira2");
        assertThat(OrgSimRules.overLimitOnJoin(state, Map.of(JIRA, 1), holder, state.orgGroups().get("g-jira2")))
                .isEmpty();
    }

    @Test
    void granting_a_product_to_a_group_counts_only_its_members_without_a_seat() {
        account("a", true, "g-jira", "g-eng");
        account("b", true, "g-eng");
        account("c", true, "g-eng");

        assertThat(OrgSimRules.overLimitOnAssign(state, Map.of(JIRA, 2), engineering, JIRA)).isTrue();
        assertThat(OrgSimRules.overLimitOnAssign(state, Map.of(JIRA, 3), engineering, JIRA)).isFalse();
        assertThat(OrgSimRules.overLimitOnAssign(state, Map.of(), engineering, JIRA)).isFalse();
    }

    private SimGroup group(String id, String name) {
        SimGroup group = new SimGroup(id, name, null);
        state.orgGroups().put(id, group);
        return group;
    }

    private SimAccount account(String id, boolean managed, String... groupIds) {
        SimAccount account = new SimAccount(id);
        account.email = id + (managed ? "@demo.example" : "@partner.example");
        account.managed = managed;
        account.orgGroupIds.addAll(java.util.List.of(groupIds));
        return state.add(account);
    }
}
