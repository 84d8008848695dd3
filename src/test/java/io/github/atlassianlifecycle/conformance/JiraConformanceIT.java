package io.github.atlassianlifecycle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.jira.JiraGroup;
import io.github.atlassianlifecycle.client.jira.JiraUser;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.support.ClientFixture;

/**
 * The simulated Jira Cloud platform REST v3 answers every call the Jira client makes as the reference documents it:
 * each success, each documented refusal (400, 401, 403 for a caller without the permission, 404, 429 without a
 * body), with Jira's ErrorCollection. Requests the client never makes wrong (a missing accountId, say) are sent as
 * plain requests through the same hop.
 */
class JiraConformanceIT extends SimulatorConformance {

    private static final String UNKNOWN_GROUP = "00000000-0000-0000-0000-000000000000";
    private static final String UNKNOWN_ACCOUNT = "0000000000000000deadbeef";

    @Override
    protected String family() {
        return "jira";
    }

    @Override
    protected String simulatorBase() {
        return "/site";
    }

    private ApiEndpoint jira(Credential credential) {
        return endpoint(ApiFamily.JIRA, credential);
    }

    private JiraClient client() {
        return new JiraClient(fixture.transport(), jira(Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN)));
    }

    private JiraClient withTheOrgKey() {
        return new JiraClient(fixture.transport(), jira(Credential.bearer(ClientFixture.ORG_KEY)));
    }

    private void asAUserWithoutAdminPermissions() {
        simulator.behaviour(Map.of("siteUserIsAdmin", false));
    }

    @Test
    void users_are_read_with_their_groups_and_unknown_ones_are_not_found() {
        String accountId = jiraAccount();

        JiraUser user = client().user(accountId);
        List<JiraGroup> groups = client().userGroups(accountId);

        assertThat(user.groupList()).extracting(JiraGroup::groupId).containsExactlyElementsOf(
                groups.stream().map(JiraGroup::groupId).toList());
        assertThat(client().findUser(UNKNOWN_ACCOUNT)).isEmpty();
        assertStatus(() -> client().userGroups(UNKNOWN_ACCOUNT), 404);
        assertStatus(() -> withTheOrgKey().user(accountId), 401);
    }

    @Test
    void a_user_is_created_and_refused_beyond_the_licence_or_without_permission() {
        JiraUser created = client().createUser("new.person@demo.example", List.of(JiraClient.JIRA_SOFTWARE));

        assertThat(created.active()).isTrue();
        assertStatus(() -> withTheOrgKey().createUser("other@demo.example", List.of(JiraClient.JIRA_SOFTWARE)), 401);
        simulator.behaviour(Map.of("jiraLicenceLimit", 1));
        assertStatus(() -> client().createUser("third@demo.example", List.of(JiraClient.JIRA_SOFTWARE)), 400);
        simulator.behaviour(Map.of("jiraLicenceLimit", 0));
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().createUser("fourth@demo.example", List.of(JiraClient.JIRA_SOFTWARE)), 403);
    }

    @Test
    void a_user_is_removed_from_jira_and_refusals_are_documented() {
        String accountId = jiraAccount();

        assertStatus(() -> raw(ApiRequest.delete("/rest/api/3/user")), 400);
        client().deleteUser(accountId);
        assertThat(client().deleteUserIfPresent(accountId)).isFalse();
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().deleteUser(jiraAccount()), 403);
        assertStatus(() -> client().user(jiraAccount()), 403);
    }

    @Test
    void group_membership_changes_and_their_refusals() {
        String accountId = jiraAccount();
        String developers = client().groupIdByName("developers").orElseThrow();
        boolean member = client().userGroups(accountId).stream().anyMatch(g -> g.groupId().equals(developers));

        if (member) {
            client().removeFromGroup(developers, accountId);
        }
        client().addToGroup(developers, accountId);
        client().removeFromGroup(developers, accountId);

        assertStatus(() -> raw(ApiRequest.post("/rest/api/3/group/user").query("groupId", developers).body(Map.of())), 400);
        assertStatus(() -> raw(ApiRequest.delete("/rest/api/3/group/user").query("groupId", developers)), 400);
        assertStatus(() -> client().addToGroup(UNKNOWN_GROUP, accountId), 404);
        assertStatus(() -> client().removeFromGroup(UNKNOWN_GROUP, accountId), 404);
        assertStatus(() -> withTheOrgKey().addToGroup(developers, accountId), 401);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().addToGroup(developers, accountId), 403);
        assertStatus(() -> client().removeFromGroup(developers, accountId), 403);
    }

    @Test
    void group_members_page_and_refusals() {
        String users = client().groupIdByName("jira-software-users").orElseThrow();

        assertThat(client().groupMembers(users, false, 0, 2).values()).hasSize(2);
        assertStatus(() -> raw(ApiRequest.get("/rest/api/3/group/member")), 400);
        assertStatus(() -> client().groupMembers(UNKNOWN_GROUP, false, 0, 2), 404);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().groupMembers(users, false, 0, 2), 403);
    }

    @Test
    void users_are_searched_by_query_or_account_id_and_a_search_without_either_is_refused() {
        String accountId = jiraAccount();

        assertThat(client().searchUsers("demo.example", 0, 5)).hasSize(5);
        assertThat(raw(ApiRequest.get("/rest/api/3/user/search").query("accountId", accountId)))
                .contains(accountId);
        assertStatus(() -> raw(ApiRequest.get("/rest/api/3/user/search")), 400);
        assertStatus(() -> raw(ApiRequest.get("/rest/api/3/user/search").query("query", "a")
                .query("accountId", accountId)), 400);
        assertStatus(() -> withTheOrgKey().searchUsers("a", 0, 5), 401);
    }

    @Test
    void every_user_of_jira_is_listed_by_offset_and_refusals_are_documented() {
        List<JiraUser> first = client().allUsers(0, 5);
        assertThat(first).hasSize(5);
        assertThat(client().allUsers(5, 5)).hasSize(5).doesNotContainAnyElementsOf(first);
        assertStatus(() -> client().allUsers(-1, 5), 400);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().allUsers(0, 5), 403);
    }

    @Test
    void a_rate_limited_search_answers_429_with_retry_after_and_no_body() {
        simulator.faults(Map.of("tooManyRequestsRate", 1.0, "retryAfterSeconds", 5));

        assertThatThrownBy(() -> client().searchUsers("a", 0, 5)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAt()).isPresent();
                });
    }

    @Test
    void groups_are_found_by_name_and_refusals_are_documented() {
        assertThat(client().groupIdByName("developers")).isPresent();
        assertStatus(() -> client().groups(List.of(), -1, 10), 400);
        assertStatus(() -> withTheOrgKey().groups(List.of(), 0, 10), 401);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().groups(List.of(), 0, 10), 403);
    }

    private String jiraAccount() {
        return simulator.anyAccount(a -> Boolean.TRUE.equals(a.get("inJira")) && "active".equals(a.get("accountStatus"))
                && "active".equals(a.get("membershipStatus")) && !((List<?>) a.get("jiraGroups")).isEmpty());
    }

    private String raw(ApiRequest request) {
        return fixture.transport().send(jira(Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN)),
                request).body();
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(status));
    }
}
