package io.github.atlassianlifecycle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.organizations.GroupSearch;
import io.github.atlassianlifecycle.client.organizations.Invitation;
import io.github.atlassianlifecycle.client.organizations.OrgUser;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.organizations.UserSearch;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.reference.DocumentedAnswers;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The simulated Organizations API held to Atlassian's reference: every call the organizations client makes, each
 * success and each documented refusal, through the real client and a recording hop; at the end every answer must be
 * an instance of a documented one and every documented answer must have been given (see
 * {@link SimulatorConformance}). The deprecated listings the client no longer calls are still served by Atlassian
 * until 2027-06-30, so they are called here directly.
 */
class OrganizationsConformanceIT extends SimulatorConformance {

    private static final String ORG = "demo-org";
    private static final String DIRECTORY = "demo-dir";
    private static final String UNKNOWN_ACCOUNT = "0000000000000000deadbeef";

    private ApiEndpoint organizations;
    private OrganizationsClient client;

    @Override
    protected String family() {
        return "organizations";
    }

    @Override
    protected String simulatorBase() {
        return "/api";
    }

    @BeforeEach
    void client() {
        organizations = endpoint(ApiFamily.ORGANIZATIONS, Credential.bearer(ClientFixture.ORG_KEY));
        client = new OrganizationsClient(fixture.transport(), organizations, ORG, DIRECTORY);
    }

    // ---- users

    @Test
    void a_user_is_read_in_its_data_envelope_whatever_its_state() {
        String active = simulator.activeManagedAccount();
        String forDeletion = simulator.anyAccount(a -> Boolean.TRUE.equals(a.get("forDeletion")));

        assertThat(client.user(active).accountId()).isEqualTo(active);
        assertThat(client.user(forDeletion).isScheduledForDeletion()).isTrue();
        refused(() -> client.user(UNKNOWN_ACCOUNT), 404, "ADMIN-UAM-404-1");
        OrganizationsClient wrongKey = new OrganizationsClient(fixture.transport(),
                organizations.withCredential(Credential.bearer(ClientFixture.SCIM_KEY)), ORG, DIRECTORY);
        refused(() -> wrongKey.user(active), 401, "ADMIN-UAM-401-1");
        OrganizationsClient otherOrg = new OrganizationsClient(fixture.transport(), organizations, "other-org",
                DIRECTORY);
        refused(() -> otherOrg.user(active), 404, "ADMIN-UAM-404-2");
    }

    @Test
    void users_are_searched_with_their_groups_and_a_term_with_emails_is_refused() {
        String id = simulator.activeManagedAccount();

        OrgUser user = client.searchUsers(UserSearch.byAccountIds(id)
                .withExpand(UserSearch.Expand.GROUPS, UserSearch.Expand.PRODUCT_ACCESS)).data().get(0);
        assertThat(user.groups()).isNotEmpty();
        assertThat(client.findByEmail((String) simulator.account(id).get("email"))).isPresent();
        assertThat(client.searchAllUsers(UserSearch.all().withClaimStatus("unmanaged"))).isNotEmpty();

        refused(() -> fixture.transport().send(organizations,
                ApiRequest.post("/admin/v2/orgs/{}/directories/{}/users/search", ORG, DIRECTORY)
                        .body(Map.of("searchTerm", "ada", "emails", List.of("ada@demo.example")))
                        .operation("organizations.searchUsers")), 400, "ADMIN-UAM-400-1");
    }

    @Test
    void suspend_restore_and_remove_answer_without_a_body() {
        String id = simulator.activeManagedAccount();

        client.suspend(id);
        client.restore(id);
        client.removeFromDirectory(id);
        refused(() -> client.suspend(UNKNOWN_ACCOUNT), 404, "ADMIN-UAM-404-1");

        assertThat(simulator.account(id)).containsEntry("membershipStatus", "no_membership");
    }

    @Test
    void a_rate_limited_suspend_answers_429() {
        String id = simulator.activeManagedAccount();
        simulator.faults(Map.of("tooManyRequestsRate", 1.0));

        assertThatThrownBy(() -> client.suspend(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.isRateLimited()).isTrue());
    }

    @Test
    void an_invitation_names_each_account_and_needs_a_paid_subscription() {
        String engineering = simulator.orgGroupId("engineering");

        assertThat(client.invite(Invitation.of("new.person@demo.example").withGroups(engineering))).hasSize(1);
        simulator.behaviour(Map.of("orgPaidSubscription", false));
        refused(() -> client.invite(Invitation.of("late@demo.example")), 402, "ADMIN-UAM-402-1");
    }

    @Test
    void last_active_dates_and_the_directory() {
        String active = simulator.anyAccount(a -> !((Map<?, ?>) a.get("lastActive")).isEmpty());
        String neverActive = simulator.anyAccount(a -> ((Map<?, ?>) a.get("lastActive")).isEmpty());

        assertThat(client.lastActiveDates(active).neverActive()).isFalse();
        assertThat(client.lastActiveDates(neverActive).neverActive()).isTrue();
        assertThat(client.allDirectories()).hasSize(1);
    }

    @Test
    void the_deprecated_listings_are_still_served_until_their_sunset() {
        ApiRequest users = ApiRequest.get("/admin/v2/orgs/{}/directories/{}/users", ORG, DIRECTORY)
                .operation("organizations.listUsers");
        assertThat(fixture.transport().send(organizations, users).body()).contains("\"data\"");
        assertThat(fixture.transport().send(organizations, ApiRequest.get("/admin/v2/orgs/{}/directories/{}/groups",
                ORG, DIRECTORY).operation("organizations.groups")).body()).contains("\"data\"");
        refused(() -> fixture.transport().send(organizations, ApiRequest.get(
                "/admin/v2/orgs/{}/directories/{}/users", ORG, DIRECTORY).query("cursor", "not-a-cursor")
                .operation("organizations.listUsers")), 400, "ADMIN-UAM-400-1");

        simulator.behaviour(Map.of("orgApiKeyAllowed", false));
        refused(() -> fixture.transport().send(organizations, users), 403, "ADMIN-UAM-403-2");
    }

    // ---- groups

    @Test
    void a_group_is_created_without_an_answer_body_and_found_by_name() {
        assertThat(client.createGroup("contractors", "People on contract").id())
                .isEqualTo(simulator.orgGroupId("contractors"));
        assertThat(client.findGroupByName("engineering")).isPresent();
        refused(() -> client.createGroup("Finance", null), 409, "ADMIN-UAM-409-2");
    }

    @Test
    void members_are_added_and_removed_and_each_refusal_has_its_code() {
        String finance = simulator.orgGroupId("finance");
        String id = simulator.anyAccount(SimulatorControl.managed().and(a -> "active".equals(a.get("status"))
                && !strings(a.get("orgGroups")).contains("finance")));
        String inactive = simulator.anyAccount(a -> "inactive".equals(a.get("accountStatus")));

        client.addMembership(finance, id);
        refused(() -> client.addMembership(finance, id), 409, "ADMIN-UAM-409-2");
        client.removeMembership(finance, id);
        refused(() -> client.addMembership(finance, inactive), 400, "ADMIN-UAM-400-2");
        refused(() -> client.addMembership("no-such-group", id), 404, "ADMIN-UAM-404-3");
    }

    @Test
    void a_product_over_its_user_limit_refuses_a_new_member() {
        String jiraUsers = simulator.orgGroupId("jira-software-users");
        String id = simulator.anyAccount(SimulatorControl.managed().and(a -> "active".equals(a.get("status"))
                && !strings(a.get("orgGroups")).contains("jira-software-users")));
        int used = ((Number) ((Map<?, ?>) simulator.organization().get("seatsUsed"))
                .get(SimulatorSeeder.JIRA_RESOURCE)).intValue();
        simulator.behaviour(Map.of("seatLimits", Map.of(SimulatorSeeder.JIRA_RESOURCE, used)));

        refused(() -> client.addMembership(jiraUsers, id), 409, "ADMIN-UAM-409-3");
    }

    @Test
    void product_roles_are_assigned_and_revoked_and_an_unlicensed_product_is_refused() {
        String finance = simulator.orgGroupId("finance");

        client.assignRole(finance, SimulatorSeeder.JIRA_RESOURCE, "atlassian/user");
        client.revokeRole(finance, SimulatorSeeder.JIRA_RESOURCE, "atlassian/user");
        refused(() -> client.assignRole(finance, "ari:cloud:jira::site/not-ours", "atlassian/user"), 400,
                "ADMIN-UAM-400-4");
    }

    // ---- helpers

    /** Refused with this status and code, under the title the reference gives the code. */
    private static void refused(ThrowingCallable call, int status, String code) {
        String title = DocumentedAnswers.of("organizations").stream()
                .filter(answer -> answer.hasBody() && code.equals(answer.body().at("/errors/0/code").asText()))
                .map(answer -> answer.body().at("/errors/0/title").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no documented answer has the code " + code));
        assertThatThrownBy(call).asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorKey()).isEqualTo(code);
            assertThat(e.detail()).as("the title of %s", code).startsWith(title + ": ");
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
