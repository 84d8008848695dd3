package io.github.atlassianlifecycle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.usermanagement.LifecyclePrivilege;
import io.github.atlassianlifecycle.client.usermanagement.ManagedAccountProfile;
import io.github.atlassianlifecycle.client.usermanagement.PrivilegeCheck;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/** The user management client and the simulator agree on every documented answer, over real HTTP. */
@SimulatorOnlyTest
class UserManagementClientIT {

    @LocalServerPort
    int port;

    ClientFixture fixture;
    SimulatorControl simulator;
    UserManagementClient client;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new UserManagementClient(fixture.transport(), fixture.userManagement());
    }

    @Test
    void profile_of_a_managed_account() {
        String id = simulator.activeManagedAccount();
        ManagedAccountProfile profile = client.profile(id);
        assertThat(profile.accountId()).isEqualTo(id);
        assertThat(profile.accountStatus()).isEqualTo("active");
        assertThat(profile.email()).endsWith("@demo.example");
    }

    @Test
    void disable_answers_204_and_deactivates_the_account() {
        String id = simulator.activeManagedAccount();
        client.disable(id, "You left the company");
        assertThat(simulator.account(id)).containsEntry("accountStatus", "inactive");
        assertThat(client.profile(id).isInactive()).isTrue();
    }

    @Test
    void disabling_an_inactive_account_is_idempotent_by_default_and_409_when_switched() {
        String id = simulator.activeManagedAccount();
        client.disable(id, null);
        client.disable(id, null);
        assertThat(simulator.account(id)).containsEntry("accountStatus", "inactive");

        simulator.behaviour(Map.of("disableInactiveConflict", true));
        assertThatThrownBy(() -> client.disable(id, null)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorKey()).isEqualTo("conflict.lifecycleErrors");
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("ACCOUNT_ALREADY_INACTIVE");
                });
    }

    @Test
    void an_unknown_account_answers_404_account_not_found() {
        assertThatThrownBy(() -> client.disable("0000000000000000deadbeef", null))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorKey()).isEqualTo("accountNotFound");
                    assertThat(e.kind()).isEqualTo(AtlassianApiException.Kind.BUSINESS);
                });
    }

    @Test
    void an_unmanaged_account_answers_403_unclaimed_domain_to_changes_and_forbidden_to_reads_unless_switched() {
        String id = simulator.anyAccount(SimulatorControl.unmanaged());
        assertThatThrownBy(() -> client.disable(id, null)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorKey()).isEqualTo("forbidden.unclaimedDomain");
                    assertThat(e.getMessage()).contains("partner.example");
                });
        assertThatThrownBy(() -> client.profile(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.errorKey()).isEqualTo("forbidden"));
        assertThatThrownBy(() -> client.privileges(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.errorKey()).isEqualTo("forbidden"));

        simulator.behaviour(Map.of("userManagementReadUnclaimedDomain", true));
        assertThatThrownBy(() -> client.profile(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.errorKey()).isEqualTo("forbidden.unclaimedDomain"));
        assertThat(simulator.account(id)).containsEntry("accountStatus", "active");
    }

    @Test
    void an_account_owned_by_scim_answers_403_forbidden_action_with_the_reason() {
        String id = simulator.anyAccount(SimulatorControl.scimManaged());
        assertThatThrownBy(() -> client.disable(id, null)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorKey()).isEqualTo("forbidden.action");
                    assertThat(e.reasonKey()).isEqualTo("externalDirectory.scim");
                });
        PrivilegeCheck check = client.privileges(id);
        assertThat(check.allowed(LifecyclePrivilege.ENABLEMENT)).isFalse();
        assertThat(check.reason(LifecyclePrivilege.ENABLEMENT)).isEqualTo("externalDirectory.scim");
    }

    @Test
    void a_key_of_the_wrong_kind_answers_401_and_the_message_holds_no_key() {
        String id = simulator.activeManagedAccount();
        UserManagementClient withScimKey = new UserManagementClient(fixture.transport(),
                fixture.userManagement().withCredential(Credential.bearer(ClientFixture.SCIM_KEY)));
        UserManagementClient withSiteToken = new UserManagementClient(fixture.transport(),
                fixture.userManagement().withCredential(Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN)));
        UserManagementClient anonymous = new UserManagementClient(fixture.transport(),
                fixture.userManagement().withCredential(Credential.none()));
        for (UserManagementClient wrong : new UserManagementClient[] { withScimKey, withSiteToken, anonymous }) {
            assertThatThrownBy(() -> wrong.disable(id, null)).asInstanceOf(type(AtlassianApiException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain(ClientFixture.SCIM_KEY, ClientFixture.SITE_TOKEN);
                    });
        }
        assertThat(simulator.account(id)).containsEntry("accountStatus", "active");
    }

    @Test
    void enable_reactivates_a_disabled_account() {
        String id = simulator.activeManagedAccount();
        client.disable(id, null);
        client.enable(id);
        assertThat(simulator.account(id)).containsEntry("accountStatus", "active");
        client.enable(id); // idempotent by default
        simulator.behaviour(Map.of("enableActiveConflict", true));
        assertThatThrownBy(() -> client.enable(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void delete_schedules_deletion_cancel_restores_and_after_14_days_the_account_is_closed() {
        String id = simulator.activeManagedAccount();
        client.delete(id);
        assertThat(simulator.account(id)).containsEntry("forDeletion", true).containsEntry("status", "for_deletion");
        assertThatThrownBy(() -> client.enable(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(409));

        client.cancelDelete(id);
        assertThat(simulator.account(id)).containsEntry("forDeletion", false).containsEntry("accountStatus", "active");

        client.cancelDelete(id); // nothing scheduled: nothing to cancel, by default
        simulator.behaviour(Map.of("cancelDeleteUnscheduledConflict", true));
        assertThatThrownBy(() -> client.cancelDelete(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(409));
        assertThat(simulator.account(id)).containsEntry("accountStatus", "active");

        client.delete(id);
        simulator.advanceClock("P15D");
        assertThat(simulator.account(id)).containsEntry("accountStatus", "closed");
        assertThatThrownBy(() -> client.cancelDelete(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void the_privilege_pre_check_allows_a_plain_managed_account() {
        String id = simulator.activeManagedAccount();
        PrivilegeCheck check = client.privileges(id, LifecyclePrivilege.values());
        assertThat(check.allowed(LifecyclePrivilege.ENABLEMENT)).isTrue();
        assertThat(check.allowed(LifecyclePrivilege.DELETE)).isTrue();
    }

    @Test
    void account_ids_with_colons_travel_safely_in_the_path() {
        String id = simulator.anyAccount(a -> ((String) a.get("accountId")).contains(":")
                && "active".equals(a.get("accountStatus")) && "managed".equals(a.get("claimStatus"))
                && a.get("externalDirectory") == null);
        client.disable(id, null);
        assertThat(simulator.account(id)).containsEntry("accountStatus", "inactive");
        assertThat(simulator.calls(id)).extractingByKey("countsByAccount").asString()
                .contains("userManagement.disable=1");
    }
}
