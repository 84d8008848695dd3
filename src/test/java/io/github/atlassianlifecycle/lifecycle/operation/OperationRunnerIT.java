package io.github.atlassianlifecycle.lifecycle.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/**
 * The reusable operations for real: the runner over the real clients against the simulator over HTTP. Each change
 * is made once and is then already done, as in a plan.
 */
@SimulatorOnlyTest
class OperationRunnerIT {

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    OperationRunner runner;

    @BeforeEach
    void setUp() {
        ClientFixture fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        OrganizationsClient organizations = new OrganizationsClient(fixture.transport(), fixture.organizations(),
                "demo-org", "demo-dir");
        UserManagementClient userManagement = new UserManagementClient(fixture.transport(), fixture.userManagement());
        Optional<ScimClient> scim = Optional.of(new ScimClient(fixture.transport(), fixture.scim(), "demo-dir"));
        Optional<JiraClient> jira = Optional.of(new JiraClient(fixture.transport(), fixture.jira()));
        Optional<ConfluenceClient> confluence = Optional.of(new ConfluenceClient(fixture.transport(), fixture.confluence()));
        Optional<BitbucketClient> bitbucket = Optional.of(new BitbucketClient(fixture.transport(), fixture.bitbucket()));
        AccountInspector inspector = new AccountInspector(organizations, userManagement, scim, jira, confluence);
        RequestPlanner planner = new RequestPlanner(inspector, new GroupResolver(organizations, jira, confluence),
                LifecyclePolicy.defaults());
        runner = new OperationRunner(inspector, planner,
                new PlanExecutor(organizations, userManagement, scim, jira, confluence, bitbucket, Clock.systemUTC()),
                new ApiTokenRevocation(userManagement));
    }

    @Test
    void deactivate_changes_the_account_once_and_then_reports_it_already_done() {
        String id = simulator.activeManagedAccount();

        assertThat(runner.run(ReusableOperation.DEACTIVATE, Map.of("accountId", id)))
                .containsExactly(Map.entry("outcome", "APPLIED"), Map.entry("changed", "true"));
        assertThat(simulator.account(id)).containsEntry("accountStatus", "inactive");
        assertThat(runner.run(ReusableOperation.DEACTIVATE, Map.of("accountId", id)))
                .containsEntry("outcome", "ALREADY_DONE").containsEntry("changed", "false");
        assertThat(simulator.countsOf(id)).containsEntry("userManagement.disable", 1);
    }

    @Test
    void revoke_api_tokens_revokes_every_token_and_a_second_run_revokes_none() {
        String id = simulator.activeManagedAccount();
        int owned = ((Number) simulator.account(id).get("apiTokens")).intValue();

        assertThat(runner.run(ReusableOperation.REVOKE_API_TOKENS, Map.of("accountId", id))).containsExactly(
                Map.entry("revokedTokens", String.valueOf(owned)), Map.entry("outcome", "APPLIED"),
                Map.entry("changed", "true"));
        assertThat(simulator.account(id).get("apiTokens")).isEqualTo(0);
        assertThat(runner.run(ReusableOperation.REVOKE_API_TOKENS, Map.of("accountId", id))).containsExactly(
                Map.entry("revokedTokens", "0"), Map.entry("outcome", "ALREADY_DONE"), Map.entry("changed", "false"));
    }

    @Test
    void suspend_and_restore_round_trip_the_organization_membership() {
        String id = simulator.activeManagedAccount();

        runner.run(ReusableOperation.SUSPEND, Map.of("accountId", id));
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "suspended");
        runner.run(ReusableOperation.RESTORE, Map.of("accountId", id));
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "active");
    }

    @Test
    void read_account_answers_the_live_state_and_plan_answers_the_calls_a_disable_would_make() {
        String id = simulator.activeManagedAccount();

        Map<String, String> read = runner.run(ReusableOperation.READ_ACCOUNT, Map.of("accountId", id));
        assertThat(read).containsEntry("exists", "true").containsEntry("accountId", id)
                .containsEntry("accountStatus", "active").containsEntry("email", (String) simulator.account(id).get("email"));
        Map<String, String> byEmail = runner.run(ReusableOperation.READ_ACCOUNT, Map.of("email", read.get("email")));
        assertThat(byEmail).containsEntry("accountId", id);

        Map<String, String> plan = runner.run(ReusableOperation.PLAN, Map.of("action", "DISABLE", "accountId", id));
        assertThat(plan.get("callCount")).isNotEqualTo("0");
        assertThat(plan.get("plan")).contains("DEACTIVATE").contains(id);
        assertThat(simulator.account(id)).containsEntry("accountStatus", "active");
    }

    @Test
    void a_jira_group_membership_is_removed_and_given_back_by_group_id() {
        String id = simulator.anyAccount(a -> "active".equals(a.get("accountStatus"))
                && !((List<?>) a.get("jiraGroups")).isEmpty());
        String groupId = runner.run(ReusableOperation.READ_ACCOUNT, Map.of("accountId", id)).get("jiraGroups")
                .split(",")[0];

        assertThat(runner.run(ReusableOperation.REMOVE_JIRA_GROUP_MEMBER, Map.of("accountId", id, "groupId", groupId)))
                .containsEntry("outcome", "APPLIED");
        assertThat(runner.run(ReusableOperation.READ_ACCOUNT, Map.of("accountId", id)).getOrDefault("jiraGroups", ""))
                .doesNotContain(groupId);
        assertThat(runner.run(ReusableOperation.ADD_JIRA_GROUP_MEMBER, Map.of("accountId", id, "groupId", groupId)))
                .containsEntry("outcome", "APPLIED");
        assertThat(runner.run(ReusableOperation.ADD_JIRA_GROUP_MEMBER, Map.of("accountId", id, "groupId", groupId)))
                .containsEntry("outcome", "ALREADY_DONE");
    }

    @Test
    void a_bitbucket_user_joins_and_leaves_a_group_by_name_reading_the_members_first() {
        String user = "build-bot";

        assertThat(runner.run(ReusableOperation.ADD_BITBUCKET_GROUP_MEMBER,
                Map.of("userName", user, "group", "release-managers"))).containsEntry("outcome", "APPLIED");
        assertThat((List<?>) simulator.bitbucketUser(user).orElseThrow().get("groups")).asList()
                .contains("release-managers");
        assertThat(runner.run(ReusableOperation.ADD_BITBUCKET_GROUP_MEMBER,
                Map.of("userName", user, "group", "release-managers"))).containsEntry("outcome", "ALREADY_DONE");
        assertThat(runner.run(ReusableOperation.REMOVE_BITBUCKET_GROUP_MEMBER,
                Map.of("userName", user, "group", "release-managers"))).containsEntry("outcome", "APPLIED");
        assertThat((List<?>) simulator.bitbucketUser(user).orElseThrow().get("groups")).asList()
                .doesNotContain("release-managers");
    }

    @Test
    void an_account_atlassian_does_not_know_is_a_business_error_not_a_retry() {
        assertThatThrownBy(() -> runner.run(ReusableOperation.DEACTIVATE, Map.of("accountId", "0000000000000000deadbeef")))
                .asInstanceOf(type(LifecycleBusinessException.class))
                .satisfies(e -> assertThat(e.error()).isEqualTo(BusinessError.ACCOUNT_NOT_FOUND));
    }
}
