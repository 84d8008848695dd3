package io.github.atlassianlifecycle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.jira.JiraGroup;
import io.github.atlassianlifecycle.client.jira.JiraPage;
import io.github.atlassianlifecycle.client.jira.JiraUser;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.ApiResponse;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/** The Jira client and the simulator agree on every documented answer, over real HTTP. */
@SimulatorOnlyTest
class JiraClientIT {

    private static final List<String> JIRA_SOFTWARE = List.of(JiraClient.JIRA_SOFTWARE);

    @LocalServerPort
    int port;

    ClientFixture fixture;
    SimulatorControl simulator;
    JiraClient client;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new JiraClient(fixture.transport(), fixture.jira());
    }

    @Test
    void create_user_of_a_new_email_creates_an_account_with_jira_access() {
        JiraUser created = client.createUser("new.person@demo.example", JIRA_SOFTWARE);

        assertThat(created.accountId()).isNotBlank();
        assertThat(created.emailAddress()).isEqualTo("new.person@demo.example");
        assertThat(created.displayName()).isEqualTo("New Person");
        assertThat(created.active()).isTrue();
        assertThat(simulator.account(created.accountId()))
                .containsEntry("inJira", true)
                .containsEntry("claimStatus", "managed")
                .containsEntry("accountStatus", "active")
                .containsEntry("jiraGroups", List.of("jira-software-users"));

        JiraUser partner = client.createUser("guest@partner.example", JIRA_SOFTWARE);
        assertThat(simulator.account(partner.accountId())).containsEntry("claimStatus", "unmanaged");
        assertThat(simulator.lastStatus("jira.createUser")).isEqualTo(201);
    }

    @Test
    void create_user_of_an_email_with_jira_access_answers_201_with_the_existing_user() {
        Map<String, Object> existing = simulator.accounts().stream().filter(inJira().and(active())).findFirst()
                .orElseThrow();
        int accounts = simulator.accounts().size();

        JiraUser again = client.createUser((String) existing.get("email"), JIRA_SOFTWARE);

        assertThat(again.accountId()).isEqualTo(existing.get("accountId"));
        assertThat(simulator.lastStatus("jira.createUser")).isEqualTo(201);
        assertThat(simulator.accounts()).hasSize(accounts);
    }

    @Test
    void create_user_of_an_account_without_jira_access_answers_400() {
        Map<String, Object> outside = simulator.accounts().stream().filter(inJira().negate().and(active()))
                .findFirst().orElseThrow();
        int accounts = simulator.accounts().size();

        assertThatThrownBy(() -> client.createUser((String) outside.get("email"), JIRA_SOFTWARE))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.detail()).contains("does not have access to Jira");
                });
        assertThat(simulator.account((String) outside.get("accountId"))).containsEntry("inJira", false);
        assertThat(simulator.accounts()).hasSize(accounts);
    }

    @Test
    void create_user_beyond_the_licence_answers_400_and_creates_nothing() {
        long seats = simulator.accounts().stream().filter(inJira().and(active())).count();
        simulator.behaviour(Map.of("jiraLicenceLimit", (int) seats));

        assertThatThrownBy(() -> client.createUser("one.too.many@demo.example", JIRA_SOFTWARE))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("licence");
                });
        assertThat(simulator.accounts()).noneMatch(a -> "one.too.many@demo.example".equals(a.get("email")));

        simulator.behaviour(Map.of("jiraLicenceLimit", (int) seats + 1));
        JiraUser created = client.createUser("one.too.many@demo.example", JIRA_SOFTWARE);
        assertThat(simulator.account(created.accountId())).containsEntry("inJira", true);
    }

    @Test
    void create_user_with_an_unknown_product_answers_400_with_the_field() {
        assertThatThrownBy(() -> client.createUser("x@demo.example", List.of("jira-spreadsheets")))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldErrors()).containsKey("products");
                });
        assertThat(simulator.accounts()).noneMatch(a -> "x@demo.example".equals(a.get("email")));
    }

    @Test
    void user_comes_with_its_groups_and_an_unknown_account_answers_404() {
        String id = simulator.anyAccount(inJira().and(active()).and(inJiraGroup("developers")));

        JiraUser user = client.user(id);

        assertThat(user.accountId()).isEqualTo(id);
        assertThat(user.groupList()).extracting(JiraGroup::name)
                .containsExactlyElementsOf(jiraGroups(id));
        assertThat(user.isMemberOf(client.groupIdByName("developers").orElseThrow())).isTrue();
        assertThatThrownBy(() -> client.user("0000000000000000deadbeef"))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThat(client.findUser("0000000000000000deadbeef")).isEmpty();
        assertThat(client.findUser(id)).isPresent();
    }

    @Test
    void user_of_a_deactivated_account_shows_inactive() {
        String id = simulator.anyAccount(inJira().and(a -> "inactive".equals(a.get("accountStatus"))));
        assertThat(client.user(id).active()).isFalse();
    }

    @Test
    void delete_user_removes_only_the_jira_presence_and_the_account_stays() {
        String id = simulator.anyAccount(inJira().and(active()).and(a -> !((List<?>) a.get("orgGroups")).isEmpty()));
        Map<String, Object> before = simulator.account(id);

        client.deleteUser(id);

        Map<String, Object> after = simulator.account(id);
        assertThat(after).containsEntry("inJira", false)
                .containsEntry("jiraGroups", List.of())
                .containsEntry("accountStatus", "active")
                .containsEntry("status", "active")
                .containsEntry("orgGroups", before.get("orgGroups"))
                .containsEntry("confluenceGroups", before.get("confluenceGroups"));
        assertThat(simulator.lastStatus("jira.deleteUser")).isEqualTo(204);
        assertThat(client.findUser(id)).isEmpty();
        assertThatThrownBy(() -> client.deleteUser(id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThat(client.deleteUserIfPresent(id)).isFalse();
        assertThat(simulator.calls(id)).extractingByKey("countsByAccount").asString()
                .contains("jira.deleteUser=3");
    }

    @Test
    void delete_user_if_present_removes_a_jira_user() {
        String id = simulator.anyAccount(inJira().and(active()));
        assertThat(client.deleteUserIfPresent(id)).isTrue();
        assertThat(simulator.account(id)).containsEntry("inJira", false).containsEntry("accountStatus", "active");
    }

    @Test
    void a_user_removed_from_jira_comes_back_through_the_access_group_only() {
        String id = simulator.anyAccount(inJira().and(active()));
        client.deleteUser(id);
        String developers = client.groupIdByName("developers").orElseThrow();
        String access = client.groupIdByName("jira-software-users").orElseThrow();

        assertThatThrownBy(() -> client.addToGroup(developers, id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThat(client.addToGroupIfAbsent(access, id)).isTrue();

        assertThat(simulator.account(id)).containsEntry("inJira", true)
                .containsEntry("jiraGroups", List.of("jira-software-users"));
        assertThat(client.user(id).active()).isTrue();
    }

    @Test
    void user_groups_lists_the_jira_groups_with_ids() {
        String id = simulator.anyAccount(inJira().and(active()).and(inJiraGroup("developers")));
        List<JiraGroup> groups = client.userGroups(id);
        assertThat(groups).extracting(JiraGroup::name).containsExactlyElementsOf(jiraGroups(id));
        assertThat(groups).allSatisfy(group -> assertThat(group.groupId()).isNotBlank());
        assertThatThrownBy(() -> client.userGroups("0000000000000000deadbeef"))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void the_call_log_keeps_the_query_that_names_the_group_a_removal_changed() {
        String id = simulator.anyAccount(inJira().and(active()).and(inJiraGroup("developers")));
        String developers = client.groupIdByName("developers").orElseThrow();

        client.removeFromGroup(developers, id);

        assertThat(simulator.allCalls()).filteredOn(call -> "jira.removeUserFromGroup".equals(call.get("operation")))
                .singleElement().satisfies(call -> assertThat((String) call.get("query")).contains("groupId=" + developers));
    }

    @Test
    void add_to_group_answers_201_and_remove_from_group_answers_200() {
        String id = simulator.anyAccount(inJira().and(active()).and(inJiraGroup("developers").negate()));
        String developers = client.groupIdByName("developers").orElseThrow();

        client.addToGroup(developers, id);
        assertThat(simulator.lastStatus("jira.addUserToGroup")).isEqualTo(201);
        assertThat(jiraGroups(id)).contains("developers");

        client.removeFromGroup(developers, id);
        assertThat(simulator.lastStatus("jira.removeUserFromGroup")).isEqualTo(200);
        assertThat(jiraGroups(id)).doesNotContain("developers");
        assertThat(simulator.account(id)).containsEntry("inJira", true);
    }

    @Test
    void group_changes_answer_404_for_an_unknown_group_or_user() {
        String id = simulator.anyAccount(inJira().and(active()));
        String developers = client.groupIdByName("developers").orElseThrow();
        List<String> before = jiraGroups(id);
        for (Runnable call : List.<Runnable>of(
                () -> client.addToGroup("00000000-0000-0000-0000-000000000000", id),
                () -> client.addToGroup(developers, "0000000000000000deadbeef"),
                () -> client.removeFromGroup("00000000-0000-0000-0000-000000000000", id),
                () -> client.removeFromGroup(developers, "0000000000000000deadbeef"))) {
            assertThatThrownBy(call::run).asInstanceOf(type(AtlassianApiException.class))
                    .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        }
        assertThat(jiraGroups(id)).isEqualTo(before);
    }

    @Test
    void idempotent_helpers_read_first_so_repeats_change_nothing() {
        String id = simulator.anyAccount(inJira().and(active()).and(inJiraGroup("developers").negate()));
        String developers = client.groupIdByName("developers").orElseThrow();

        assertThat(client.addToGroupIfAbsent(developers, id)).isTrue();
        assertThat(client.addToGroupIfAbsent(developers, id)).isFalse();
        assertThat(jiraGroups(id)).containsOnlyOnce("developers");
        assertThat(client.removeFromGroupIfPresent(developers, id)).isTrue();
        assertThat(client.removeFromGroupIfPresent(developers, id)).isFalse();
        assertThat(jiraGroups(id)).doesNotContain("developers");

        assertThat(simulator.calls(id)).extractingByKey("countsByAccount").asString()
                .contains("jira.removeUserFromGroup=1");
        assertThat(simulator.calls(null).get("countsByOperation")).asString().contains("jira.addUserToGroup=1");
    }

    @Test
    void repeated_add_and_remove_of_a_non_member_answer_400_by_default_and_succeed_when_switched() {
        String id = simulator.anyAccount(inJira().and(active()).and(inJiraGroup("developers")));
        String developers = client.groupIdByName("developers").orElseThrow();
        String admins = client.groupIdByName("jira-administrators").orElseThrow();

        assertThatThrownBy(() -> client.addToGroup(developers, id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("already a member");
                });
        assertThatThrownBy(() -> client.removeFromGroup(admins, id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(400));

        simulator.behaviour(Map.of("jiraGroupReaddRejected", false, "jiraGroupRemoveNonMemberRejected", false));
        client.addToGroup(developers, id);
        assertThat(simulator.lastStatus("jira.addUserToGroup")).isEqualTo(201);
        client.removeFromGroup(admins, id);
        assertThat(simulator.lastStatus("jira.removeUserFromGroup")).isEqualTo(200);
        assertThat(jiraGroups(id)).containsOnlyOnce("developers").doesNotContain("jira-administrators");
    }

    @Test
    void group_members_page_by_start_at_and_is_last_over_three_pages() {
        String developers = client.groupIdByName("developers").orElseThrow();
        Set<String> expected = accountIds(inJiraGroup("developers").and(active()));

        List<String> seen = new ArrayList<>();
        int pages = 0;
        JiraPage<JiraUser> page = client.groupMembers(developers, false, 0, 3);
        assertThat(page.total()).isEqualTo(expected.size());
        while (true) {
            pages++;
            assertThat(page.values()).hasSizeLessThanOrEqualTo(3);
            page.values().forEach(user -> seen.add(user.accountId()));
            if (page.last()) {
                assertThat(page.nextPage()).isNull();
                break;
            }
            assertThat(page.nextPage()).contains("startAt=" + page.nextStartAt());
            page = client.groupMembers(developers, false, page.nextStartAt(), 3);
        }

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(client.allGroupMembers(developers, false)).extracting(JiraUser::accountId)
                .containsExactlyElementsOf(seen);
    }

    @Test
    void group_members_leave_out_inactive_users_unless_asked() {
        String developers = client.groupIdByName("developers").orElseThrow();
        Set<String> all = accountIds(inJiraGroup("developers"));
        Set<String> active = accountIds(inJiraGroup("developers").and(active()));
        assertThat(all).hasSizeGreaterThan(active.size());

        assertThat(client.allGroupMembers(developers, true)).extracting(JiraUser::accountId)
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(client.allGroupMembers(developers, false)).extracting(JiraUser::accountId)
                .containsExactlyInAnyOrderElementsOf(active);
    }

    @Test
    void group_members_of_an_unknown_group_answer_404_and_a_negative_start_400() {
        assertThatThrownBy(() -> client.groupMembers("00000000-0000-0000-0000-000000000000", false, 0, 10))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        String developers = client.groupIdByName("developers").orElseThrow();
        assertThatThrownBy(() -> client.groupMembers(developers, false, -1, 10))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void user_search_lists_active_users_only() {
        Map<String, Object> inactive = simulator.accounts().stream()
                .filter(inJira().and(a -> "inactive".equals(a.get("accountStatus")))).findFirst().orElseThrow();
        Map<String, Object> active = simulator.accounts().stream().filter(inJira().and(active())).findFirst()
                .orElseThrow();

        assertThat(client.searchAllUsers((String) inactive.get("email"))).isEmpty();
        assertThat(client.searchAllUsers((String) active.get("email"))).extracting(JiraUser::accountId)
                .containsExactly((String) active.get("accountId"));
        assertThat(client.searchAllUsers("")).extracting(JiraUser::accountId)
                .containsExactlyInAnyOrderElementsOf(accountIds(inJira().and(active())));
    }

    @Test
    void user_search_pages_by_start_at() {
        Set<String> expected = accountIds(inJira().and(active()).and(a -> ((String) a.get("email")).endsWith("@partner.example")));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        List<String> seen = new ArrayList<>();
        for (int startAt = 0; ; startAt += 1) {
            List<JiraUser> page = client.searchUsers("partner.example", startAt, 1);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page).hasSize(1);
            seen.add(page.get(0).accountId());
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void groups_are_found_by_name_and_paged() {
        List<JiraGroup> all = client.allGroups();
        assertThat(all).extracting(JiraGroup::name)
                .containsExactly("jira-software-users", "jira-administrators", "developers", "service-desk-agents");
        assertThat(client.groupByName("DEVELOPERS")).map(JiraGroup::name).hasValue("developers");
        assertThat(client.groupIdByName("no-such-group")).isEmpty();

        List<String> paged = new ArrayList<>();
        int pages = 0;
        JiraPage<JiraGroup> page = client.groups(List.of(), 0, 1);
        while (true) {
            pages++;
            page.values().forEach(group -> paged.add(group.groupId()));
            if (page.last()) {
                break;
            }
            page = client.groups(List.of(), page.nextStartAt(), 1);
        }
        assertThat(pages).isEqualTo(4);
        assertThat(paged).containsExactlyElementsOf(all.stream().map(JiraGroup::groupId).toList());
    }

    @Test
    void an_org_key_or_no_credential_answers_401_and_the_message_holds_no_secret() {
        String id = simulator.anyAccount(inJira().and(active()));
        List<JiraClient> wrong = List.of(
                new JiraClient(fixture.transport(), fixture.jira().withCredential(Credential.bearer(ClientFixture.ORG_KEY))),
                new JiraClient(fixture.transport(), fixture.jira().withCredential(Credential.bearer(ClientFixture.SITE_TOKEN))),
                new JiraClient(fixture.transport(), fixture.jira().withCredential(Credential.basic(ClientFixture.SITE_EMAIL, "wrong-token"))),
                new JiraClient(fixture.transport(), fixture.jira().withCredential(Credential.none())));
        for (JiraClient client : wrong) {
            assertThatThrownBy(() -> client.deleteUser(id)).asInstanceOf(type(AtlassianApiException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain(ClientFixture.ORG_KEY, ClientFixture.SITE_TOKEN,
                                "wrong-token");
                    });
        }
        assertThat(simulator.account(id)).containsEntry("inJira", true);
    }

    @Test
    void a_site_user_without_admin_permissions_is_refused_403_where_documented_and_nothing_changes() {
        String id = accountIds(inJira().and(active())).iterator().next();
        String developers = client.groupIdByName("developers").orElseThrow();
        List<String> before = jiraGroups(id);
        simulator.behaviour(Map.of("siteUserIsAdmin", false));

        for (Runnable call : List.<Runnable>of(() -> client.user(id), () -> client.deleteUser(id),
                () -> client.addToGroup(developers, id), () -> client.removeFromGroup(developers, id),
                () -> client.groupMembers(developers, false, 0, 10), () -> client.groups(List.of(), 0, 10),
                () -> client.createUser("new.person@demo.example", JIRA_SOFTWARE))) {
            assertThatThrownBy(call::run).asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.isTransient()).isFalse();
            });
        }
        assertThat(client.userGroups(id)).as("user/groups documents no 403").isNotEmpty();
        assertThat(jiraGroups(id)).isEqualTo(before);
        assertThat(simulator.account(id)).containsEntry("inJira", true);
        assertThat(simulator.accounts()).noneMatch(a -> "new.person@demo.example".equals(a.get("email")));
    }

    @Test
    void user_search_finds_one_user_by_account_id() throws Exception {
        String id = accountIds(inJira().and(active())).iterator().next();

        ApiResponse answer = fixture.transport().send(fixture.jira(),
                ApiRequest.get("/rest/api/3/user/search").query("accountId", id));

        assertThat(answer.body()).contains(id);
        assertThat(fixture.transport().json().readTree(answer.body()).size()).isEqualTo(1);
    }

    private List<String> jiraGroups(String accountId) {
        @SuppressWarnings("unchecked")
        List<String> groups = (List<String>) simulator.account(accountId).get("jiraGroups");
        return groups;
    }

    private Set<String> accountIds(Predicate<Map<String, Object>> filter) {
        Set<String> ids = new HashSet<>();
        simulator.accounts().stream().filter(filter).forEach(a -> ids.add((String) a.get("accountId")));
        return ids;
    }

    private static Predicate<Map<String, Object>> inJira() {
        return a -> Boolean.TRUE.equals(a.get("inJira"));
    }

    /** Active as Jira sees it: the account is active and its org membership is not suspended. */
    private static Predicate<Map<String, Object>> active() {
        return a -> "active".equals(a.get("accountStatus")) && "active".equals(a.get("membershipStatus"));
    }

    private static Predicate<Map<String, Object>> inJiraGroup(String name) {
        return a -> ((List<?>) a.get("jiraGroups")).contains(name);
    }
}
