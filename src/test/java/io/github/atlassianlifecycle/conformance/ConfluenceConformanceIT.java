package io.github.atlassianlifecycle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.reference.Exchange;
import io.github.atlassianlifecycle.support.ClientFixture;

/**
 * The simulated Confluence Cloud REST v1 answers every call the Confluence client makes as the reference documents
 * it: each success, each documented refusal, and only the statuses each call documents (no 404 where the reference
 * lists none, a limit above 200 refused only where documented), with the documented error body.
 */
class ConfluenceConformanceIT extends SimulatorConformance {

    private static final String UNKNOWN_GROUP = "00000000-0000-0000-0000-000000000000";
    private static final String UNKNOWN_ACCOUNT = "0000000000000000deadbeef";

    @Override
    protected String family() {
        return "confluence";
    }

    @Override
    protected String simulatorBase() {
        return "/site";
    }

    private ApiEndpoint confluence(Credential credential) {
        return endpoint(ApiFamily.CONFLUENCE, credential);
    }

    private ConfluenceClient client() {
        return new ConfluenceClient(fixture.transport(),
                confluence(Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN)));
    }

    private ConfluenceClient withTheOrgKey() {
        return new ConfluenceClient(fixture.transport(), confluence(Credential.bearer(ClientFixture.ORG_KEY)));
    }

    private void asAUserWithoutAdminPermissions() {
        simulator.behaviour(Map.of("siteUserIsAdmin", false));
    }

    @Test
    void a_member_is_added_and_removed_and_removing_a_non_member_answers_no_content() {
        String editors = client().groupIdByName("space-editors").orElseThrow();
        String accountId = activeAccount();

        client().removeMember(editors, accountId);
        client().addMember(editors, accountId);
        client().removeMember(editors, accountId);
        client().removeMember(editors, accountId);

        assertThat(client().allGroupsOf(accountId)).noneMatch(group -> group.id().equals(editors));
    }

    @Test
    void adding_is_refused_for_a_missing_or_unknown_account_an_unknown_group_a_wrong_key_and_a_non_admin() {
        String editors = client().groupIdByName("space-editors").orElseThrow();
        String accountId = activeAccount();

        assertStatus(() -> raw(ApiRequest.post("/wiki/rest/api/group/userByGroupId").query("groupId", editors)
                .body(Map.of())), 400);
        assertStatus(() -> client().addMember(editors, UNKNOWN_ACCOUNT), 400);
        assertStatus(() -> client().addMember(UNKNOWN_GROUP, accountId), 404);
        assertStatus(() -> withTheOrgKey().addMember(editors, accountId), 401);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().addMember(editors, accountId), 403);
    }

    @Test
    void removing_is_refused_for_a_missing_group_id_an_unknown_account_a_wrong_key_and_a_non_admin() {
        String editors = client().groupIdByName("space-editors").orElseThrow();
        String accountId = activeAccount();

        assertStatus(() -> raw(ApiRequest.delete("/wiki/rest/api/group/userByGroupId").query("accountId", accountId)),
                400);
        assertStatus(() -> client().removeMember(editors, UNKNOWN_ACCOUNT), 404);
        assertStatus(() -> withTheOrgKey().removeMember(editors, accountId), 401);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().removeMember(editors, accountId), 403);
    }

    @Test
    void an_error_body_carries_data_errors_and_successful_as_documented() throws Exception {
        String editors = client().groupIdByName("space-editors").orElseThrow();

        assertStatus(() -> client().removeMember(editors, UNKNOWN_ACCOUNT), 404);

        List<Exchange> exchanges = recorded();
        JsonNode body = fixture.transport().json().readTree(exchanges.get(exchanges.size() - 1).responseBody());
        assertThat(body.get("statusCode").asInt()).isEqualTo(404);
        assertThat(body.at("/data/successful").asBoolean(true)).isFalse();
        assertThat(body.at("/data/errors/0/message/translation").asText()).isEqualTo(body.get("message").asText());
    }

    @Test
    void members_page_within_the_documented_limit_and_an_unknown_group_has_none() {
        String users = client().groupIdByName("confluence-users").orElseThrow();

        assertThat(client().members(users, 0, 2).results()).hasSize(2);
        assertThat(client().members(UNKNOWN_GROUP, 0, 2).results()).isEmpty();
        assertStatus(() -> client().members(users, 0, 201), 400);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().members(users, 0, 2), 403);
    }

    @Test
    void groups_page_and_a_limit_above_200_is_cut_to_the_system_limit_not_refused() {
        assertThat(client().groups(0, 1).hasNext()).isTrue();
        assertThat(client().groups(0, 500).limit()).isEqualTo(200);
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().groups(0, 1), 403);
    }

    @Test
    void the_groups_of_a_user_and_of_an_unknown_account_which_has_none() {
        String accountId = activeAccount();

        assertThat(client().allGroupsOf(accountId)).isNotEmpty();
        assertThat(client().memberOf(UNKNOWN_ACCOUNT, 0, 500).results()).isEmpty();
        asAUserWithoutAdminPermissions();
        assertStatus(() -> client().allGroupsOf(accountId), 403);
    }

    private String activeAccount() {
        return simulator.anyAccount(a -> "active".equals(a.get("accountStatus"))
                && "active".equals(a.get("membershipStatus")) && !((List<?>) a.get("confluenceGroups")).isEmpty());
    }

    private void raw(ApiRequest request) {
        fixture.transport().send(confluence(Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN)),
                request);
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(status));
    }
}
