package io.github.atlassianlifecycle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketGroup;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketUser;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.support.ClientFixture;

/**
 * The simulated Bitbucket Data Center answers every call the Bitbucket client makes as the v9.6 REST reference
 * documents it: each success (200 without a body where no schema is documented), and each documented refusal,
 * the 403s for what lies above the admin's own permission level included, in Bitbucket's RestErrors shape.
 */
class BitbucketConformanceIT extends SimulatorConformance {

    /** Seeded with SYS_ADMIN, above the calling admin's ADMIN. */
    private static final String SYS_ADMIN_USER = "sysadmin";
    private static final String SYS_ADMIN_GROUP = "bitbucket-sys-admins";

    @Override
    protected String family() {
        return "bitbucket";
    }

    @Override
    protected String simulatorBase() {
        return "/bitbucket";
    }

    private ApiEndpoint bitbucket(Credential credential) {
        return endpoint(ApiFamily.BITBUCKET, credential);
    }

    private BitbucketClient client() {
        return new BitbucketClient(fixture.transport(), bitbucket(Credential.bearer(ClientFixture.BITBUCKET_TOKEN)));
    }

    private BitbucketClient withTheOrgKey() {
        return new BitbucketClient(fixture.transport(), bitbucket(Credential.bearer(ClientFixture.ORG_KEY)));
    }

    @Test
    void users_page_to_the_last_page_and_a_wrong_key_is_refused() {
        assertThat(client().findUsers(null, 0, 2).lastPage()).isFalse();
        assertThat(client().findUsers("build-bot", 0, 25).lastPage()).isTrue();
        assertStatus(() -> withTheOrgKey().findUsers(null, 0, 2), 401);
    }

    @Test
    void groups_and_their_members_are_listed_and_a_wrong_key_is_refused() {
        assertThat(client().findAllGroups()).extracting(BitbucketGroup::name).contains("stash-users", "developers");
        assertThat(client().groupMembers("bitbucket-sys-admins", 0, 25).values()).extracting(BitbucketUser::name)
                .containsExactly("sysadmin");
        assertStatus(() -> withTheOrgKey().findGroups(0, 25), 401);
        assertStatus(() -> withTheOrgKey().groupMembers("developers", 0, 25), 401);
    }

    @Test
    void a_user_is_created_and_refusals_are_documented() {
        client().createUser("jcitizen", "Jane Citizen", "jane@demo.example");

        assertStatus(() -> client().createUser("jcitizen", "Jane Citizen", "jane@demo.example"), 409);
        assertStatus(() -> client().createUser("nameless", " ", "nameless@demo.example"), 400);
        assertStatus(() -> withTheOrgKey().createUser("other", "Other", "other@demo.example"), 401);
        simulator.behaviour(Map.of("bitbucketLicenceLimit", 1));
        assertStatus(() -> client().createUser("over", "Over Limit", "over@demo.example"), 403);
    }

    @Test
    void a_user_is_deleted_and_refusals_are_documented() {
        BitbucketUser deleted = client().deleteUser("build-bot");

        assertThat(deleted.name()).isEqualTo("build-bot");
        assertStatus(() -> client().deleteUser("build-bot"), 404);
        assertStatus(() -> raw(ApiRequest.delete("/rest/api/latest/admin/users").query("name", " ")), 400);
        assertStatus(() -> client().deleteUser(ClientFixture.BITBUCKET_USER), 409);
        assertStatus(() -> client().deleteUser(SYS_ADMIN_USER), 403);
        assertStatus(() -> withTheOrgKey().deleteUser("build-bot"), 401);
        assertThat(simulator.bitbucketUser(SYS_ADMIN_USER)).isPresent();
    }

    @Test
    void group_membership_changes_and_their_refusals() {
        client().addToGroups("build-bot", List.of("developers"));
        client().removeFromGroup("build-bot", "developers");

        assertStatus(() -> client().addToGroups("build-bot", List.of("no-such-group")), 404);
        assertStatus(() -> client().addToGroups("build-bot", List.of(SYS_ADMIN_GROUP)), 403);
        assertStatus(() -> withTheOrgKey().addToGroups("build-bot", List.of("developers")), 401);
        assertStatus(() -> client().removeFromGroup("nobody", "developers"), 404);
        assertStatus(() -> client().removeFromGroup(SYS_ADMIN_USER, SYS_ADMIN_GROUP), 403);
        assertStatus(() -> withTheOrgKey().removeFromGroup("build-bot", "developers"), 401);
        assertThat(simulator.bitbucketUser("build-bot").orElseThrow().get("groups")).asList()
                .doesNotContain(SYS_ADMIN_GROUP, "developers");
        assertThat(simulator.bitbucketUser(SYS_ADMIN_USER).orElseThrow().get("groups")).asList()
                .contains(SYS_ADMIN_GROUP);
    }

    private void raw(ApiRequest request) {
        fixture.transport().send(bitbucket(Credential.bearer(ClientFixture.BITBUCKET_TOKEN)), request);
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(status));
    }
}
