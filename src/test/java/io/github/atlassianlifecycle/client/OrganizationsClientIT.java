package io.github.atlassianlifecycle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.organizations.Invitation;
import io.github.atlassianlifecycle.client.organizations.InvitedUser;
import io.github.atlassianlifecycle.client.organizations.LastActiveDates;
import io.github.atlassianlifecycle.client.organizations.OrgDirectory;
import io.github.atlassianlifecycle.client.organizations.OrgUser;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.organizations.Page;
import io.github.atlassianlifecycle.client.organizations.GroupSearch;
import io.github.atlassianlifecycle.client.organizations.UserSearch;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/**
 * The organizations client and the simulator agree on directories, users, suspend / restore / remove, invite and
 * last-active dates, and on every documented error, over real HTTP. Groups: {@link OrganizationsGroupsClientIT}.
 */
@SimulatorOnlyTest
class OrganizationsClientIT {

    static final String ORG = "demo-org";
    static final String DIRECTORY = "demo-dir";

    @LocalServerPort
    int port;

    ClientFixture fixture;
    SimulatorControl simulator;
    OrganizationsClient client;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new OrganizationsClient(fixture.transport(), fixture.organizations(), ORG, DIRECTORY);
    }

    // ---- directories and reads

    @Test
    void the_organization_has_exactly_one_directory() {
        List<OrgDirectory> directories = client.allDirectories();
        assertThat(directories).extracting(OrgDirectory::directoryId).containsExactly(DIRECTORY);
        Page<OrgDirectory> page = client.directories(null, 1);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.links().self()).isNotBlank();
    }

    @Test
    void a_user_reads_in_the_v2_shape() {
        String id = simulator.activeManagedAccount();
        Map<String, Object> expected = simulator.account(id);

        OrgUser user = client.user(id);

        assertThat(user.accountId()).isEqualTo(id);
        assertThat(user.email()).isEqualTo(expected.get("email"));
        assertThat(user.name()).isEqualTo(expected.get("name"));
        assertThat(user.accountType()).isEqualTo("atlassian");
        assertThat(user.status()).isEqualTo("active");
        assertThat(user.accountStatus()).isEqualTo("active");
        assertThat(user.membershipStatus()).isEqualTo("active");
        assertThat(user.claimStatus()).isEqualTo("managed");
        assertThat(user.managementSource()).isEqualTo("invited");
        assertThat(user.addedToOrg()).isBefore(Instant.now());
        assertThat(user.forDeletion()).isFalse();
        assertThat(user.links().self()).endsWith("/users/" + id);
        assertThat(user.isActive()).isTrue();
        assertThat(user.groups()).isNull(); // only when expanded
    }

    @Test
    void searching_users_takes_three_pages_of_25_and_every_user_once() {
        Set<String> seeded = accountIds(simulator.accounts());
        List<String> seen = new ArrayList<>();
        int pages = 0;
        UserSearch search = UserSearch.all().withLimit(25);
        while (true) {
            Page<OrgUser> page = client.searchUsers(search);
            if (pages == 0) {
                assertThat(page.links().prev()).isNull();
            } else {
                assertThat(page.links().prev()).isNotBlank();
            }
            page.data().forEach(u -> seen.add(u.accountId()));
            pages++;
            if (!page.hasNext()) {
                break;
            }
            search = search.withCursor(page.nextCursor().orElseThrow());
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(seeded.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(seeded);
        assertThat(client.searchAllUsers(UserSearch.all())).extracting(OrgUser::accountId)
                .containsExactlyElementsOf(seen);
    }

    @Test
    void the_default_search_page_holds_50_users() {
        assertThat(client.searchUsers(UserSearch.all()).data()).hasSize(50);
    }

    @Test
    void search_filters_by_status_claim_and_email_domain_as_the_deprecated_listing_did() {
        List<Map<String, Object>> accounts = simulator.accounts();
        long deactivated = accounts.stream().filter(a -> "deactivated".equals(a.get("status"))).count();
        assertThat(deactivated).isPositive();

        List<OrgUser> found = client.searchAllUsers(UserSearch.all().withStatus("deactivated"));
        assertThat(found).hasSize((int) deactivated).allMatch(u -> "deactivated".equals(u.status()));
        for (OrgUser user : found) {
            assertThat(user.deactivatedAt()).map(Instant::toString)
                    .hasValue(String.valueOf(simulator.account(user.accountId()).get("deactivatedOn")));
        }
        assertThat(client.searchAllUsers(UserSearch.all().withAccountStatus("inactive")))
                .extracting(OrgUser::accountId).containsExactlyInAnyOrderElementsOf(accounts.stream()
                        .filter(a -> "inactive".equals(a.get("accountStatus"))).map(a -> (String) a.get("accountId"))
                        .toList());

        List<OrgUser> partners = client.searchAllUsers(UserSearch.all().withEmailDomains("partner.example"));
        assertThat(partners).hasSize(4).noneMatch(OrgUser::isManaged);
        assertThat(client.searchAllUsers(UserSearch.all().withClaimStatus("unmanaged")))
                .extracting(OrgUser::accountId).containsExactlyInAnyOrderElementsOf(
                        partners.stream().map(OrgUser::accountId).toList());

        String id = simulator.activeManagedAccount();
        assertThat(client.searchAllUsers(UserSearch.byAccountIds(id).withMembershipStatus("active")))
                .extracting(OrgUser::accountId).containsExactly(id);
        assertThat(client.searchAllUsers(UserSearch.byAccountIds(id).withMembershipStatus("suspended"))).isEmpty();
    }

    @Test
    void a_search_shows_platform_roles_only_when_asked() {
        String admin = simulator.anyAccount(a -> !strings(a.get("platformRoles")).isEmpty());
        List<String> roles = strings(simulator.account(admin).get("platformRoles"));
        assertThat(roles).allMatch(role -> role.startsWith("atlassian/"));

        assertThat(client.searchUsers(UserSearch.byAccountIds(admin)).data().get(0).platformRoles()).isEmpty();
        assertThat(client.searchUsers(UserSearch.byAccountIds(admin).withExpand(UserSearch.Expand.PLATFORM_ROLES))
                .data().get(0).platformRoles()).containsExactlyElementsOf(roles);
        assertThat(client.user(admin).platformRoles()).containsExactlyElementsOf(roles);
    }

    @Test
    void search_follows_at_least_three_pages_and_finds_every_user() {
        Set<String> seeded = accountIds(simulator.accounts());
        int pages = 0;
        List<String> seen = new ArrayList<>();
        UserSearch search = UserSearch.all().withLimit(20);
        while (true) {
            Page<OrgUser> page = client.searchUsers(search);
            page.data().forEach(u -> seen.add(u.accountId()));
            pages++;
            if (!page.hasNext()) {
                break;
            }
            search = search.withCursor(page.nextCursor().orElseThrow());
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(seeded);
        assertThat(client.searchAllUsers(UserSearch.all())).hasSize(seeded.size());
    }

    @Test
    void find_by_email_ignores_case_and_is_empty_for_an_unknown_address() {
        String id = simulator.activeManagedAccount();
        String email = (String) simulator.account(id).get("email");

        assertThat(client.findByEmail(email.toUpperCase())).map(OrgUser::accountId).hasValue(id);
        assertThat(client.findByEmail("nobody@demo.example")).isEmpty();
    }

    @Test
    void search_by_term_matches_names_and_emails() {
        String id = simulator.activeManagedAccount();
        String name = (String) simulator.account(id).get("name");

        List<OrgUser> found = client.searchAllUsers(UserSearch.bySearchTerm(name.toLowerCase()));

        assertThat(found).extracting(OrgUser::accountId).contains(id);
        assertThat(found).allMatch(u -> u.name().equalsIgnoreCase(name) || u.email().contains(name.toLowerCase()));
    }

    @Test
    void search_expands_groups_and_product_access() {
        String id = simulator.activeManagedAccount();
        Map<String, Object> expected = simulator.account(id);

        OrgUser user = client.searchUsers(UserSearch.byAccountIds(id)
                .withExpand(UserSearch.Expand.GROUPS, UserSearch.Expand.PRODUCT_ACCESS)).data().get(0);

        assertThat(user.groups()).extracting(OrgUser.GroupRef::name)
                .containsExactlyInAnyOrderElementsOf(strings(expected.get("orgGroups")));
        @SuppressWarnings("unchecked")
        Map<String, Object> lastActive = (Map<String, Object>) expected.get("lastActive");
        assertThat(user.productAccess()).extracting(OrgUser.ProductAccess::key)
                .containsExactlyInAnyOrderElementsOf(lastActive.keySet());
    }

    // ---- documented errors

    @Test
    void search_with_both_a_term_and_emails_is_refused_by_the_client_and_by_the_api() {
        assertThatThrownBy(() -> new UserSearch(null, null, null, List.of("ada@demo.example"), "ada", null, null, null,
                null, null, null))
                .isInstanceOf(IllegalArgumentException.class);

        expectApiError(() -> fixture.transport().send(fixture.organizations(),
                ApiRequest.post("/admin/v2/orgs/{}/directories/{}/users/search", ORG, DIRECTORY)
                        .body(Map.of("searchTerm", "ada", "emails", List.of("ada@demo.example")))
                        .operation("organizations.searchUsers")),
                400, "ADMIN-UAM-400-1");
    }

    @Test
    void a_bad_cursor_answers_400() {
        UserSearch ten = UserSearch.all().withLimit(10);
        String next = client.searchUsers(ten).nextCursor().orElseThrow();
        String groupsCursor = client.searchGroups(GroupSearch.all().withLimit(2)).nextCursor().orElseThrow();
        String edited = next.substring(0, next.length() - 3) + (next.endsWith("AAA") ? "BBB" : "AAA");

        expectApiError(() -> client.searchUsers(ten.withCursor("not-a-cursor")), 400, "ADMIN-UAM-400-1");
        expectApiError(() -> client.searchUsers(ten.withCursor(edited)), 400, "ADMIN-UAM-400-1");
        expectApiError(() -> client.searchUsers(ten.withCursor(groupsCursor)), 400, "ADMIN-UAM-400-1");
        expectApiError(() -> client.searchUsers(UserSearch.all().withCursor("garbage")), 400, "ADMIN-UAM-400-1");
    }

    @Test
    void a_limit_over_100_is_refused_by_the_client_and_by_the_api() {
        assertThatThrownBy(() -> UserSearch.all().withLimit(101)).isInstanceOf(IllegalArgumentException.class);
        expectApiError(() -> fixture.transport().send(fixture.organizations(),
                ApiRequest.post("/admin/v2/orgs/{}/directories/{}/users/search", ORG, DIRECTORY)
                        .body(Map.of("limit", 500)).operation("organizations.searchUsers")), 400, "ADMIN-UAM-400-1");
    }

    @Test
    void a_key_of_the_wrong_kind_answers_401_and_changes_nothing() {
        String id = simulator.activeManagedAccount();
        for (Credential wrong : List.of(Credential.bearer(ClientFixture.SCIM_KEY),
                Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN), Credential.none())) {
            OrganizationsClient withWrongKey = new OrganizationsClient(fixture.transport(),
                    fixture.organizations().withCredential(wrong), ORG, DIRECTORY);
            expectApiError(() -> withWrongKey.suspend(id), 401, "ADMIN-UAM-401-1", e -> assertThat(e.getMessage())
                    .doesNotContain(ClientFixture.SCIM_KEY, ClientFixture.SITE_TOKEN, ClientFixture.ORG_KEY));
            expectApiError(() -> withWrongKey.user(id), 401, "ADMIN-UAM-401-1");
        }
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "active");
    }

    @Test
    void an_unknown_organization_answers_404_2_and_an_unknown_directory_404_1() {
        String id = simulator.activeManagedAccount();
        OrganizationsClient otherOrg = new OrganizationsClient(fixture.transport(), fixture.organizations(),
                "other-org", DIRECTORY);
        OrganizationsClient otherDirectory = new OrganizationsClient(fixture.transport(), fixture.organizations(),
                ORG, "other-dir");

        expectApiError(() -> otherOrg.user(id), 404, "ADMIN-UAM-404-2");
        expectApiError(otherOrg::allDirectories, 404, "ADMIN-UAM-404-2");
        expectApiError(() -> otherDirectory.suspend(id), 404, "ADMIN-UAM-404-1");
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "active");
    }

    @Test
    void an_unknown_user_answers_404_1() {
        String unknown = "0000000000000000deadbeef";
        expectApiError(() -> client.user(unknown), 404, "ADMIN-UAM-404-1");
        expectApiError(() -> client.suspend(unknown), 404, "ADMIN-UAM-404-1");
        expectApiError(() -> client.removeFromDirectory(unknown), 404, "ADMIN-UAM-404-1");
        expectApiError(() -> client.lastActiveDates(unknown), 404, "ADMIN-UAM-404-1");
    }

    @Test
    void reads_of_all_directories_use_the_dash_but_changes_need_the_directory() {
        String id = simulator.activeManagedAccount();
        OrganizationsClient allDirectories = new OrganizationsClient(fixture.transport(), fixture.organizations(),
                ORG, "-");
        assertThat(allDirectories.user(id).accountId()).isEqualTo(id);
        expectApiError(() -> allDirectories.suspend(id), 400, "ADMIN-UAM-400-1");
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "active");
    }

    // ---- suspend, restore, remove

    @Test
    void suspend_keeps_groups_and_restore_brings_them_back() {
        String id = activeManagedAccountWithGroups();
        List<String> groups = strings(simulator.account(id).get("orgGroups"));

        client.suspend(id);

        assertThat(simulator.account(id)).containsEntry("membershipStatus", "suspended")
                .containsEntry("status", "suspended").containsEntry("accountStatus", "active");
        assertThat(strings(simulator.account(id).get("orgGroups"))).isEmpty();
        assertThat(strings(simulator.account(id).get("suspendedOrgGroups"))).containsExactlyElementsOf(groups);
        OrgUser suspended = client.searchUsers(UserSearch.byAccountIds(id).withExpand(UserSearch.Expand.GROUPS))
                .data().get(0);
        assertThat(suspended.isSuspended()).isTrue();
        assertThat(suspended.groups()).extracting(OrgUser.GroupRef::name).containsExactlyElementsOf(groups);

        client.suspend(id); // already suspended: nothing changes
        client.restore(id);

        assertThat(simulator.account(id)).containsEntry("membershipStatus", "active").containsEntry("status", "active");
        assertThat(strings(simulator.account(id).get("orgGroups"))).containsExactlyElementsOf(groups);
        assertThat(strings(simulator.account(id).get("suspendedOrgGroups"))).isEmpty();
        assertThat(client.user(id).isActive()).isTrue();
    }

    @Test
    void remove_from_directory_drops_groups_and_roles_and_only_an_invite_brings_the_user_back() {
        String id = simulator.anyAccount(a -> !strings(a.get("platformRoles")).isEmpty()
                && "managed".equals(a.get("claimStatus")) && "active".equals(a.get("status")));
        String email = (String) simulator.account(id).get("email");
        assertThat(strings(simulator.account(id).get("orgGroups"))).isNotEmpty();

        client.removeFromDirectory(id);

        Map<String, Object> removed = simulator.account(id);
        assertThat(removed).containsEntry("membershipStatus", "no_membership").containsEntry("status", "not_invited");
        assertThat(strings(removed.get("orgGroups"))).isEmpty();
        assertThat(strings(removed.get("platformRoles"))).isEmpty();
        assertThat(client.user(id).hasNoMembership()).isTrue(); // a managed account stays visible
        expectApiError(() -> client.restore(id), 400, "ADMIN-UAM-400-1");
        client.removeFromDirectory(id); // again: nothing to do

        List<InvitedUser> invited = client.invite(Invitation.of(email));

        assertThat(invited).extracting(InvitedUser::accountId).containsExactly(id);
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "active");
        assertThat(strings(simulator.account(id).get("orgGroups"))).isEmpty(); // lost for good
    }

    @Test
    void the_call_log_counts_an_invite_of_one_person_for_that_persons_account() {
        List<InvitedUser> invited = client.invite(Invitation.of("one.invite@demo.example"));

        String id = invited.get(0).accountId();
        assertThat(simulator.calls(id).get("countsByAccount").toString()).contains("organizations.invite=1");
    }

    @Test
    void an_unmanaged_user_removed_from_the_directory_is_gone_from_it() {
        String id = simulator.anyAccount(SimulatorControl.unmanaged());
        client.removeFromDirectory(id);
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "no_membership");
        expectApiError(() -> client.user(id), 404, "ADMIN-UAM-404-1");
        assertThat(client.searchAllUsers(UserSearch.all())).extracting(OrgUser::accountId).doesNotContain(id);
    }

    @Test
    void suspend_restore_and_remove_accept_204_and_200_alike() {
        for (int status : new int[] { 204, 200 }) {
            simulator.reset();
            simulator.behaviour(Map.of("orgActionStatus", status));
            String id = simulator.activeManagedAccount();

            client.suspend(id);
            assertThat(simulator.account(id)).containsEntry("membershipStatus", "suspended");
            client.restore(id);
            assertThat(simulator.account(id)).containsEntry("membershipStatus", "active");
            client.removeFromDirectory(id);
            assertThat(simulator.account(id)).containsEntry("membershipStatus", "no_membership");

            assertThat(callStatuses(id)).containsExactly(status, status, status);
        }
    }

    @Test
    void an_account_synced_from_an_identity_provider_can_still_be_suspended_at_org_level() {
        String id = simulator.anyAccount(SimulatorControl.scimManaged().and(a -> "active".equals(a.get("status"))));
        assertThat(client.user(id).isSynced()).isTrue();
        client.suspend(id);
        assertThat(simulator.account(id)).containsEntry("membershipStatus", "suspended");
    }

    // ---- invite

    @Test
    void invite_makes_one_account_per_new_email_however_often_it_is_sent() {
        String managedEmail = "new.person@demo.example";
        String guestEmail = "guest@elsewhere.example";
        String engineering = simulator.orgGroupId("engineering");

        List<InvitedUser> first = client.invite(Invitation.of(managedEmail, guestEmail).withGroups(engineering)
                .withNotification("Welcome aboard"));
        List<InvitedUser> again = client.invite(Invitation.of(managedEmail.toUpperCase()));

        assertThat(first).extracting(InvitedUser::email).containsExactly(managedEmail, guestEmail);
        assertThat(again).extracting(InvitedUser::accountId).containsExactly(first.get(0).accountId());
        assertThat(simulator.accounts()).filteredOn(a -> managedEmail.equals(a.get("email"))).hasSize(1);
        Map<String, Object> managed = simulator.account(first.get(0).accountId());
        assertThat(managed).containsEntry("claimStatus", "managed").containsEntry("membershipStatus", "active")
                .containsEntry("managementSource", "invited");
        assertThat(strings(managed.get("orgGroups"))).containsExactly("engineering");
        assertThat(simulator.account(first.get(1).accountId())).containsEntry("claimStatus", "unmanaged");
        assertThat(client.findByEmail(managedEmail)).map(OrgUser::accountId).hasValue(first.get(0).accountId());
    }

    @Test
    void invite_of_an_existing_member_returns_that_account() {
        String id = simulator.activeManagedAccount();
        String email = (String) simulator.account(id).get("email");
        assertThat(client.invite(Invitation.of(email))).extracting(InvitedUser::accountId).containsExactly(id);
        assertThat(simulator.accounts()).filteredOn(a -> email.equals(a.get("email"))).hasSize(1);
    }

    @Test
    void invite_without_a_paid_subscription_answers_402_and_invites_nobody() {
        simulator.behaviour(Map.of("orgPaidSubscription", false));
        expectApiError(() -> client.invite(Invitation.of("late@demo.example")), 402, "ADMIN-UAM-402-1");
        assertThat(simulator.accounts()).noneMatch(a -> "late@demo.example".equals(a.get("email")));
    }

    @Test
    void invite_into_an_unknown_group_answers_404_3_and_invites_nobody() {
        expectApiError(() -> client.invite(Invitation.of("late@demo.example").withGroups("no-such-group")),
                404, "ADMIN-UAM-404-3");
        assertThat(simulator.accounts()).noneMatch(a -> "late@demo.example".equals(a.get("email")));
    }

    // ---- last-active dates (v1)

    @Test
    void last_active_dates_show_each_product_and_the_day_added() {
        String id = simulator.anyAccount(a -> !((Map<?, ?>) a.get("lastActive")).isEmpty()
                && "active".equals(a.get("status")));
        Map<?, ?> expected = (Map<?, ?>) simulator.account(id).get("lastActive");

        LastActiveDates dates = client.lastActiveDates(id);

        assertThat(dates.neverActive()).isFalse();
        assertThat(dates.productAccess()).hasSize(expected.size());
        for (LastActiveDates.ProductLastActive product : dates.productAccess()) {
            Instant when = Instant.parse(String.valueOf(expected.get(product.key())));
            assertThat(product.lastActiveTimestamp()).isEqualTo(when);
            assertThat(product.lastActive()).isEqualTo(when.atZone(ZoneOffset.UTC).toLocalDate());
            assertThat(product.id()).isNotBlank();
        }
        assertThat(dates.addedToOrg()).isNotNull();
        assertThat(dates.lastActiveAnywhere()).isPresent();
    }

    @Test
    void a_user_who_never_used_a_product_has_no_product_access() {
        String id = simulator.anyAccount(a -> ((Map<?, ?>) a.get("lastActive")).isEmpty());
        LastActiveDates dates = client.lastActiveDates(id);
        assertThat(dates.neverActive()).isTrue();
        assertThat(dates.lastActiveAnywhere()).isEmpty();
    }

    // ---- helpers

    private String activeManagedAccountWithGroups() {
        return simulator.anyAccount(a -> "managed".equals(a.get("claimStatus")) && "active".equals(a.get("status"))
                && a.get("externalDirectory") == null && strings(a.get("orgGroups")).size() >= 2);
    }

    @SuppressWarnings("unchecked")
    private List<Integer> callStatuses(String accountId) {
        return ((List<Map<String, Object>>) simulator.calls(accountId).get("calls")).stream()
                .map(call -> ((Number) call.get("status")).intValue()).toList();
    }

    static Set<String> accountIds(List<Map<String, Object>> accounts) {
        Set<String> ids = new HashSet<>();
        accounts.stream().filter(a -> !"closed".equals(a.get("accountStatus")))
                .forEach(a -> ids.add((String) a.get("accountId")));
        return ids;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    static void expectApiError(ThrowingCallable call, int status, String code) {
        expectApiError(call, status, code, e -> { });
    }

    static void expectApiError(ThrowingCallable call, int status, String code, Consumer<AtlassianApiException> more) {
        assertThatThrownBy(call).asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorKey()).isEqualTo(code);
            assertThat(e.isTransient()).isFalse();
            more.accept(e);
        });
    }
}
