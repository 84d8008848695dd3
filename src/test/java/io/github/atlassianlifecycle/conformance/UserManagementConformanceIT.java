package io.github.atlassianlifecycle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.usermanagement.ApiToken;
import io.github.atlassianlifecycle.client.usermanagement.LifecyclePrivilege;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The simulated user management API held to Atlassian's reference: every call the user management client makes,
 * each success and each documented refusal, through the real client and a recording hop; at the end every answer
 * must be an instance of a documented one and every documented answer must have been given (see
 * {@link SimulatorConformance}).
 */
class UserManagementConformanceIT extends SimulatorConformance {

    private static final String UNKNOWN_ACCOUNT = "0000000000000000deadbeef";
    /** Every privilege the reference's 200 schema names. */
    private static final String[] PRIVILEGES = { "profile", "profile.write", "profile.read", "email.set",
            "lifecycle.enablement", "lifecycle.delete", "apiToken.read", "apiToken.delete" };

    private final ObjectMapper json = new ObjectMapper();
    private ApiEndpoint userManagement;
    private UserManagementClient client;
    private UserManagementClient wrongKey;

    @Override
    protected String family() {
        return "usermanagement";
    }

    @Override
    protected String simulatorBase() {
        return "/api";
    }

    @BeforeEach
    void client() {
        userManagement = endpoint(ApiFamily.USER_MANAGEMENT, Credential.bearer(ClientFixture.ORG_KEY));
        client = new UserManagementClient(fixture.transport(), userManagement);
        wrongKey = new UserManagementClient(fixture.transport(),
                userManagement.withCredential(Credential.bearer(ClientFixture.SCIM_KEY)));
    }

    @Test
    void the_pre_check_answers_each_privilege_asked_for_and_every_one_without_a_filter() throws Exception {
        String plain = simulator.activeManagedAccount();
        String synced = simulator.anyAccount(SimulatorControl.scimManaged());

        assertThat(client.privileges(plain).allowed(LifecyclePrivilege.ENABLEMENT)).isTrue();
        assertThat(client.privileges(synced).reason(LifecyclePrivilege.ENABLEMENT)).isEqualTo("externalDirectory.scim");
        JsonNode unfiltered = json.readTree(fixture.transport().send(userManagement,
                ApiRequest.get("/users/{}/manage", plain).operation("userManagement.privileges")).body());
        assertThat(unfiltered.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(PRIVILEGES);
        for (String perField : new String[] { "profile", "profile.write" }) {
            assertThat(unfiltered.path(perField).path("name").path("allowed").isBoolean())
                    .as("%s is an object of rules keyed by field, not one rule", perField).isTrue();
        }
    }

    @Test
    void the_pre_check_refuses_an_unknown_account_a_wrong_key_and_an_account_it_cannot_manage() {
        String plain = simulator.activeManagedAccount();
        String unmanaged = simulator.anyAccount(SimulatorControl.unmanaged());

        refused(() -> client.privileges(UNKNOWN_ACCOUNT), 404, "accountNotFound");
        refused(() -> wrongKey.privileges(plain), 401, "unauthorized");
        refused(() -> client.privileges(unmanaged), 403, "forbidden");
    }

    @Test
    void the_profile_has_the_documented_required_fields() throws Exception {
        String plain = simulator.activeManagedAccount();
        String unmanaged = simulator.anyAccount(SimulatorControl.unmanaged());

        assertThat(client.profile(plain).isActive()).isTrue();
        JsonNode account = json.readTree(recorded().get(recorded().size() - 1).responseBody()).path("account");
        assertThat(account.path("picture").asText()).startsWith("https://");
        assertThat(account.has("email_verified")).isFalse();
        refused(() -> client.profile(UNKNOWN_ACCOUNT), 404, "accountNotFound");
        refused(() -> client.profile(unmanaged), 403, "forbidden");
    }

    @Test
    void disable_and_enable_and_each_refusal() {
        String plain = simulator.activeManagedAccount();
        String synced = simulator.anyAccount(SimulatorControl.scimManaged());
        String unmanaged = simulator.anyAccount(SimulatorControl.unmanaged());

        client.disable(plain, "You left the company");
        client.enable(plain);
        refused(() -> client.disable(UNKNOWN_ACCOUNT, null), 404, "accountNotFound");
        refused(() -> wrongKey.disable(plain, null), 401, "unauthorized");
        refused(() -> client.disable(synced, null), 403, "forbidden.action");
        refused(() -> client.disable(unmanaged, null), 403, "forbidden.unclaimedDomain");

        client.disable(plain, null);
        simulator.behaviour(Map.of("disableInactiveConflict", true));
        refused(() -> client.disable(plain, null), 409, "conflict.lifecycleErrors");
    }

    @Test
    void delete_and_cancel_delete_and_each_refusal() {
        String plain = simulator.activeManagedAccount();

        client.cancelDelete(plain); // nothing scheduled: the documented 200, not an undocumented 409
        client.delete(plain);
        refused(() -> client.delete(plain), 409, "conflict.lifecycleErrors");
        refused(() -> client.enable(plain), 409, "conflict.lifecycleErrors");
        client.cancelDelete(plain);

        client.delete(plain);
        simulator.advanceClock("P15D");
        refused(() -> client.cancelDelete(plain), 404, "accountNotFound");
    }

    @Test
    void the_api_tokens_are_listed_as_documented_and_each_revoked_one_is_gone() {
        String plain = simulator.activeManagedAccount();

        List<ApiToken> tokens = client.apiTokens(plain);
        assertThat(tokens).as("the seeded account owns tokens").isNotEmpty()
                .allSatisfy(token -> assertThat(token.id()).isNotBlank());
        tokens.forEach(token -> client.deleteApiToken(plain, token.id()));

        assertThat(client.apiTokens(plain)).isEmpty();
    }

    private static void refused(ThrowingCallable call, int status, String key) {
        assertThatThrownBy(call).asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorKey()).isEqualTo(key);
        });
    }
}
