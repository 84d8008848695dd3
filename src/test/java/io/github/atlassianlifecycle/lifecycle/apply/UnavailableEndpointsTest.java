package io.github.atlassianlifecycle.lifecycle.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;
import io.github.atlassianlifecycle.lifecycle.account.AccountInspector;
import io.github.atlassianlifecycle.lifecycle.plan.Operation;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.lifecycle.plan.PlanStep;
import io.github.atlassianlifecycle.lifecycle.plan.PlannedCall;

/**
 * An endpoint that is not there is neither a business outcome nor a resource that is absent: the lifecycle lets the
 * failure through untouched, so the process makes it an incident, and never reads it as "not found, nothing to do".
 */
class UnavailableEndpointsTest {

    private static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";
    private static final AtlassianApiException GONE = AtlassianApiException.endpointUnavailable(
            ApiFamily.ORGANIZATIONS, "organizations.user", 410, "GET",
            "/admin/v2/orgs/{}/directories/{}/users/{}", null, null, null);
    private static final AtlassianApiException UNKNOWN_USER = new AtlassianApiException(ApiFamily.ORGANIZATIONS,
            "organizations.user", 404, "ADMIN-UAM-404-1", null, "Unknown Resource", null, null, null, null);

    private final OrganizationsClient organizations = mock(OrganizationsClient.class);
    private final UserManagementClient userManagement = mock(UserManagementClient.class);
    private final PlanExecutor executor = new PlanExecutor(organizations, userManagement, Optional.empty(),
            Optional.empty(), Optional.empty(), Clock.systemUTC());
    private final Plan suspend = new Plan(LifecycleAction.DISABLE, AccountFacts.absent("ada@demo.example"),
            List.of(new PlannedCall("c1", PlanStep.ACCOUNT, Operation.SUSPEND, "Ada", Map.of("accountId", ACCOUNT),
                    Operation.SUSPEND.effect())), List.of());

    @Test
    void a_gone_endpoint_in_the_read_before_a_change_is_passed_on_not_taken_for_an_absent_account() {
        when(organizations.user(ACCOUNT)).thenThrow(GONE);

        assertThatThrownBy(() -> executor.apply(suspend, PlanStep.ACCOUNT, Set.of()))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.isEndpointUnavailable()).isTrue());
        verify(organizations, never()).suspend(any());
    }

    @Test
    void an_organization_atlassian_does_not_know_is_passed_on_not_taken_for_an_absent_account() {
        AtlassianApiException unknownOrganization = AtlassianApiException.misconfigured(new AtlassianApiException(
                ApiFamily.ORGANIZATIONS, "organizations.user", 404, "ADMIN-UAM-404-2", null, "Organization not found",
                null, null, null, null), "atlassian.org-id", "Atlassian knows no organization of that id");
        when(organizations.user(ACCOUNT)).thenThrow(unknownOrganization);

        assertThatThrownBy(() -> executor.apply(suspend, PlanStep.ACCOUNT, Set.of())).isSameAs(unknownOrganization);
        assertThatThrownBy(() -> LifecycleBusinessException.of(unknownOrganization))
                .isInstanceOf(IllegalArgumentException.class);
        verify(organizations, never()).suspend(any());
    }

    @Test
    void the_documented_not_found_still_means_there_is_nothing_to_change() {
        when(organizations.user(ACCOUNT)).thenThrow(UNKNOWN_USER);

        List<CallResult> results = executor.apply(suspend, PlanStep.ACCOUNT, Set.of());

        assertThat(results).extracting(CallResult::outcome).containsExactly(CallResult.Outcome.ALREADY_DONE);
    }

    @Test
    void a_gone_endpoint_of_a_change_is_passed_on_not_made_a_refused_step() {
        when(organizations.user(ACCOUNT)).thenReturn(new io.github.atlassianlifecycle.client.organizations.OrgUser(
                ACCOUNT, "atlassian", "active", "active", "active", "managed", "Ada", "ada", "ada@demo.example", true,
                null, null, "invited", null, false, null, null, null));
        org.mockito.Mockito.doThrow(AtlassianApiException.endpointUnavailable(ApiFamily.ORGANIZATIONS,
                "organizations.suspend", 404, "POST", "/admin/v2/orgs/{}/directories/{}/users/{}/suspend", null,
                null, null)).when(organizations).suspend(ACCOUNT);

        assertThatThrownBy(() -> executor.apply(suspend, PlanStep.ACCOUNT, Set.of()))
                .isNotInstanceOf(PlanStepFailure.class).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.isEndpointUnavailable()).isTrue());
    }

    @Test
    void reading_an_account_from_a_gone_endpoint_is_passed_on_not_made_a_business_error() {
        AccountInspector inspector = new AccountInspector(organizations, userManagement, Optional.empty(),
                Optional.empty(), Optional.empty());
        when(organizations.searchUsers(any())).thenThrow(GONE);

        assertThatThrownBy(() -> inspector.byAccountId(ACCOUNT, null)).isNotInstanceOf(LifecycleBusinessException.class)
                .isSameAs(GONE);
    }

    @Test
    void an_unavailable_endpoint_is_never_modelled_as_a_business_error() {
        assertThatThrownBy(() -> LifecycleBusinessException.of(GONE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LifecycleBusinessException.of(UNKNOWN_USER).error().name()).isEqualTo("ACCOUNT_NOT_FOUND");
    }
}
