package io.github.atlassianlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy.Provisioning;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy.SeatRelease;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.account.GroupResolver;
import io.github.atlassianlifecycle.lifecycle.apply.CallResult;
import io.github.atlassianlifecycle.lifecycle.apply.PlanExecutor;
import io.github.atlassianlifecycle.lifecycle.apply.ReadBack;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/**
 * The lifecycle layer for real: planners and the plan executor over the real clients, against the simulator over
 * HTTP. Each plan is applied, Atlassian's state is checked through the simulator's controls, and planning again
 * must find nothing left to do (which is how the processes verify).
 */
@SimulatorOnlyTest
class LifecyclePlansIT {

    @LocalServerPort
    int port;

    SimulatorControl simulator;
    ClientFixture fixture;
    OrganizationsClient organizations;
    PlanExecutor executor;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        organizations = new OrganizationsClient(fixture.transport(), fixture.organizations(), "demo-org", "demo-dir");
        executor = new PlanExecutor(organizations, userManagement(), Optional.of(scim()), Optional.of(jira()),
                Optional.of(confluence()), Clock.systemUTC());
    }

    @Test
    void a_managed_account_is_deactivated_once_and_then_there_is_nothing_left_to_do() {
        String id = simulator.activeManagedAccount();
        RequestPlanner planner = planner(LifecyclePolicy.defaults());
        Plan plan = planner.plan(request(LifecycleAction.DISABLE, id), Optional.empty(), null);
        assertThat(plan.calls()).extracting(PlannedCall::operation).containsExactly(Operation.DEACTIVATE);

        assertThat(applyAll(plan)).extracting(CallResult::outcome).containsOnly(CallResult.Outcome.APPLIED);
        assertThat(simulator.account(id)).containsEntry("accountStatus", "inactive");
        assertThat(applyAll(plan)).extracting(CallResult::outcome).containsOnly(CallResult.Outcome.ALREADY_DONE);
        assertThat(simulator.calls(id)).extractingByKey("countsByAccount").asString().contains("userManagement.disable=1");
        assertThat(planner.planAgain(request(LifecycleAction.DISABLE, id), Optional.empty(), plan).isEmpty()).isTrue();
    }

    @Test
    void a_deactivated_account_still_in_product_groups_has_only_them_released_by_its_disable() {
        String id = simulator.anyAccount(a -> "managed".equals(a.get("claimStatus"))
                && "inactive".equals(a.get("accountStatus")) && !Boolean.TRUE.equals(a.get("forDeletion"))
                && a.get("externalDirectory") == null && !((List<?>) a.get("jiraGroups")).isEmpty());
        Map<String, Object> before = simulator.account(id);
        RequestPlanner planner = planner(LifecyclePolicy.defaults());
        Plan plan = planner.plan(request(LifecycleAction.DISABLE, id), Optional.empty(), null);
        assertThat(plan.calls()).isNotEmpty().allSatisfy(call -> assertThat(call.step()).isEqualTo(PlanStep.GROUPS));
        assertThat(plan.notes()).anySatisfy(note -> assertThat(note).contains("already out of use"));
        assertThat(planner.planAgain(request(LifecycleAction.DISABLE, id), Optional.empty(), plan)).isEqualTo(plan);

        assertThat(applyAll(plan)).extracting(CallResult::outcome).containsOnly(CallResult.Outcome.APPLIED);
        Map<String, Object> after = simulator.account(id);
        assertThat((List<?>) after.get("jiraGroups")).isEmpty();
        assertThat((List<?>) after.get("confluenceGroups")).isEmpty();
        assertThat(after).containsEntry("accountStatus", before.get("accountStatus"))
                .containsEntry("membershipStatus", before.get("membershipStatus"))
                .containsEntry("orgGroups", before.get("orgGroups"));
        assertThat(planner.planAgain(request(LifecycleAction.DISABLE, id), Optional.empty(), plan).isEmpty()).isTrue();
    }

    @Test
    void a_disable_that_deactivated_an_account_is_not_asked_afterwards_for_releases_nobody_approved() {
        String id = simulator.anyAccount(a -> "managed".equals(a.get("claimStatus"))
                && "active".equals(a.get("accountStatus")) && a.get("externalDirectory") == null
                && !((List<?>) a.get("jiraGroups")).isEmpty());
        RequestPlanner planner = planner(LifecyclePolicy.defaults());
        Plan plan = planner.plan(request(LifecycleAction.DISABLE, id), Optional.empty(), null);
        assertThat(plan.calls()).extracting(PlannedCall::operation).containsExactly(Operation.DEACTIVATE);
        applyAll(plan);
        assertThat(planner.planAgain(request(LifecycleAction.DISABLE, id), Optional.empty(), plan).isEmpty())
                .as("verified: deactivated, its groups kept as the policy says").isTrue();
        assertThat(planner.plan(request(LifecycleAction.DISABLE, id), Optional.empty(), null).calls())
                .as("a new disable of it would release them").isNotEmpty();
    }

    private ReadBack readBack() {
        return new ReadBack(organizations, userManagement(), Optional.of(scim()), Optional.of(jira()),
                Optional.of(confluence()));
    }

    @Test
    void a_scim_managed_account_goes_through_scim_releases_seats_and_comes_back_with_exactly_its_groups() {
        String id = simulator.anyAccount(SimulatorControl.scimManaged()
                .and(a -> "active".equals(a.get("accountStatus")))
                .and(a -> !((List<?>) a.get("jiraGroups")).isEmpty()));
        Map<String, Object> before = simulator.account(id);
        RequestPlanner planner = planner(LifecyclePolicy.defaults());

        Plan disable = planner.plan(request(LifecycleAction.DISABLE, id), Optional.empty(), null);
        assertThat(disable.calls()).extracting(PlannedCall::operation).contains(Operation.SCIM_DEACTIVATE,
                Operation.REMOVE_JIRA_GROUP).doesNotContain(Operation.DEACTIVATE, Operation.SUSPEND);
        AccountSnapshot snapshot = AccountSnapshot.of(disable.account(), Instant.now());
        assertThat(readBack().verify(disable, EnumSet.allOf(PlanStep.class), Set.of()).left())
                .as("before applying, no change shows").isEqualTo(disable.calls());
        applyAll(disable);
        ReadBack.Verified verified = readBack().verify(disable, EnumSet.allOf(PlanStep.class), Set.of());
        assertThat(verified.left()).isEmpty();
        assertThat(verified.finalState().accountStatus()).isEqualTo("inactive");
        assertThat(verified.finalState().jiraGroups()).isEmpty();
        assertThat(verified.finalState().confluenceGroups()).isEmpty();
        assertThat(simulator.account(id)).containsEntry("accountStatus", "inactive")
                .containsEntry("jiraGroups", List.of()).containsEntry("confluenceGroups", List.of());
        assertThat(planner.plan(request(LifecycleAction.DISABLE, id), Optional.empty(), snapshot.scimId()).isEmpty())
                .isTrue();

        Plan enable = planner.plan(request(LifecycleAction.ENABLE, id), Optional.of(snapshot), null);
        assertThat(enable.calls()).extracting(PlannedCall::operation).contains(Operation.SCIM_ACTIVATE,
                Operation.ADD_JIRA_GROUP);
        applyAll(enable);
        Map<String, Object> after = simulator.account(id);
        assertThat(after).containsEntry("accountStatus", "active");
        assertThat(after.get("jiraGroups")).isEqualTo(before.get("jiraGroups"));
        assertThat(after.get("confluenceGroups")).isEqualTo(before.get("confluenceGroups"));
        assertThat(planner.plan(request(LifecycleAction.ENABLE, id), Optional.of(snapshot), null).isEmpty()).isTrue();
    }

    @Test
    void an_unmanaged_account_is_suspended_and_restored() {
        String id = simulator.anyAccount(SimulatorControl.unmanaged());
        RequestPlanner planner = planner(LifecyclePolicy.defaults());
        Plan disable = planner.plan(request(LifecycleAction.DISABLE, id), Optional.empty(), null);
        assertThat(disable.calls()).extracting(PlannedCall::operation).containsExactly(Operation.SUSPEND);
        applyAll(disable);
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "suspended");
        Map<String, Integer> before = simulator.countsOf(id);
        ReadBack.Verified verified = readBack().verify(disable, EnumSet.allOf(PlanStep.class), Set.of());
        assertThat(verified.left()).isEmpty();
        assertThat(verified.finalState().membershipStatus()).isEqualTo("suspended");
        assertThat(simulator.countsOf(id)).as("a suspension is read back from the org user alone")
                .containsEntry("organizations.user", before.getOrDefault("organizations.user", 0) + 1)
                .hasSameSizeAs(before);

        applyAll(planner.plan(request(LifecycleAction.ENABLE, id), Optional.empty(), null));
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "active");
    }

    @Test
    void a_delete_disables_now_and_deletes_and_removes_from_jira_after_the_grace_period() {
        String id = simulator.anyAccount(SimulatorControl.managed().and(a -> a.get("externalDirectory") == null)
                .and(a -> "active".equals(a.get("accountStatus"))).and(a -> Boolean.TRUE.equals(a.get("inJira"))));
        RequestPlanner planner = planner(new LifecyclePolicy(SeatRelease.ALWAYS, Provisioning.INVITE, Set.of(),
                java.time.Duration.ofDays(30)));
        Plan delete = planner.plan(request(LifecycleAction.DELETE, id), Optional.empty(), null);
        assertThat(delete.calls(PlanStep.AFTER_GRACE)).extracting(PlannedCall::operation)
                .containsExactly(Operation.DELETE_ACCOUNT, Operation.REMOVE_FROM_JIRA);

        executor.apply(delete, PlanStep.ACCOUNT, Set.of());
        executor.apply(delete, PlanStep.GROUPS, Set.of());
        assertThat(simulator.account(id)).containsEntry("accountStatus", "inactive").containsEntry("forDeletion", false);
        executor.apply(delete, PlanStep.AFTER_GRACE, Set.of());
        assertThat(simulator.account(id)).containsEntry("forDeletion", true).containsEntry("inJira", false);
        assertThat(planner.plan(request(LifecycleAction.DELETE, id), Optional.empty(), null).isEmpty()).isTrue();
    }

    @Test
    void a_new_person_is_invited_once_and_added_to_org_and_product_groups() {
        RequestPlanner planner = planner(LifecyclePolicy.defaults());
        LifecycleRequest add = new LifecycleRequest(LifecycleAction.ADD, null, "grace.newhire@demo.example",
                "Grace Newhire", List.of("engineering", "jira:jira-software-users", "confluence:confluence-users"));
        Plan plan = planner.plan(add, Optional.empty(), null);
        assertThat(plan.calls()).extracting(PlannedCall::operation).containsExactly(Operation.INVITE,
                Operation.ADD_ORG_GROUP, Operation.ADD_JIRA_GROUP, Operation.ADD_CONFLUENCE_GROUP);

        applyAll(plan);
        applyAll(plan);
        List<Map<String, Object>> created = simulator.accounts().stream()
                .filter(a -> "grace.newhire@demo.example".equals(a.get("email"))).toList();
        assertThat(created).singleElement().satisfies(account -> {
            assertThat(account).containsEntry("claimStatus", "managed").containsEntry("membershipStatus", "active");
            assertThat(account.get("orgGroups")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("engineering");
            assertThat(account.get("jiraGroups")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("jira-software-users");
            assertThat(account.get("confluenceGroups")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("confluence-users");
        });
        assertThat(planner.plan(add, Optional.empty(), null).isEmpty()).isTrue();
    }

    @Test
    void with_scim_provisioning_a_new_person_is_created_through_scim() {
        RequestPlanner planner = planner(new LifecyclePolicy(SeatRelease.SCIM_ONLY, Provisioning.SCIM, Set.of(),
                java.time.Duration.ofDays(30)));
        LifecycleRequest add = new LifecycleRequest(LifecycleAction.ADD, null, "alan.provisioned@demo.example",
                "Alan Provisioned", List.of());
        Plan plan = planner.plan(add, Optional.empty(), null);
        assertThat(plan.calls()).extracting(PlannedCall::operation).containsExactly(Operation.SCIM_CREATE);
        applyAll(plan);
        assertThat(simulator.accounts()).filteredOn(a -> "alan.provisioned@demo.example".equals(a.get("email")))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("externalDirectory", "scim"));
        assertThat(planner.plan(add, Optional.empty(), null).isEmpty()).isTrue();
    }

    @Test
    void a_group_that_does_not_exist_is_a_business_error_naming_it() {
        RequestPlanner planner = planner(LifecyclePolicy.defaults());
        LifecycleRequest add = new LifecycleRequest(LifecycleAction.ADD, null, "x@demo.example", "X",
                List.of("engineering", "no-such-group", "jira:nope"));
        assertThatThrownBy(() -> planner.plan(add, Optional.empty(), null))
                .asInstanceOf(type(LifecycleBusinessException.class)).satisfies(e -> {
                    assertThat(e.error()).isEqualTo(BusinessError.UNKNOWN_GROUP);
                    assertThat(e.getMessage()).contains("no-such-group", "jira:nope").doesNotContain("engineering,");
                });
    }

    @Test
    void a_google_synced_account_is_suspended_with_a_note_for_the_approver() {
        String id = simulator.anyAccount(a -> "google".equals(a.get("externalDirectory")));
        Plan plan = planner(LifecyclePolicy.defaults()).plan(request(LifecycleAction.DISABLE, id), Optional.empty(), null);
        assertThat(plan.calls()).extracting(PlannedCall::operation).containsExactly(Operation.SUSPEND);
        assertThat(plan.notes()).anySatisfy(note -> assertThat(note).contains("Google Workspace"));
    }

    @Test
    void an_unknown_account_cannot_be_planned() {
        assertThatThrownBy(() -> planner(LifecyclePolicy.defaults())
                .plan(request(LifecycleAction.DISABLE, "0000000000000000deadbeef"), Optional.empty(), null))
                .asInstanceOf(type(LifecycleBusinessException.class))
                .satisfies(e -> assertThat(e.error()).isEqualTo(BusinessError.ACCOUNT_NOT_FOUND));
    }

    private List<CallResult> applyAll(Plan plan) {
        List<CallResult> results = new java.util.ArrayList<>();
        for (PlanStep step : PlanStep.values()) {
            results.addAll(executor.apply(plan, step, Set.of()));
        }
        return results;
    }

    private RequestPlanner planner(LifecyclePolicy policy) {
        AccountInspector inspector = new AccountInspector(organizations, userManagement(), Optional.of(scim()),
                Optional.of(jira()), Optional.of(confluence()));
        return new RequestPlanner(inspector, new GroupResolver(organizations, Optional.of(jira()), Optional.of(confluence())),
                policy);
    }

    private static LifecycleRequest request(LifecycleAction action, String accountId) {
        return new LifecycleRequest(action, accountId, null, null, List.of());
    }

    private UserManagementClient userManagement() {
        return new UserManagementClient(fixture.transport(), fixture.userManagement());
    }

    private ScimClient scim() {
        return new ScimClient(fixture.transport(), fixture.scim(), "demo-dir");
    }

    private JiraClient jira() {
        return new JiraClient(fixture.transport(), fixture.jira());
    }

    private ConfluenceClient confluence() {
        return new ConfluenceClient(fixture.transport(), fixture.confluence());
    }
}
