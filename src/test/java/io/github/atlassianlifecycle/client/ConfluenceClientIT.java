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

import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceGroup;
import io.github.atlassianlifecycle.client.confluence.ConfluencePage;
import io.github.atlassianlifecycle.client.confluence.ConfluenceUser;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/** The Confluence client and the simulator agree on every documented answer, over real HTTP. */
@SimulatorOnlyTest
class ConfluenceClientIT {

    private static final String UNKNOWN_GROUP = "00000000-0000-0000-0000-000000000000";

    @LocalServerPort
    int port;

    ClientFixture fixture;
    SimulatorControl simulator;
    ConfluenceClient client;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new ConfluenceClient(fixture.transport(), fixture.confluence());
    }

    @Test
    void add_member_answers_201_and_joins_the_group() {
        String id = simulator.anyAccount(active().and(inGroup("space-editors").negate()));
        String editors = client.groupIdByName("space-editors").orElseThrow();

        client.addMember(editors, id);

        assertThat(simulator.lastStatus("confluence.addMember")).isEqualTo(201);
        assertThat(confluenceGroups(id)).contains("space-editors");
        assertThat(client.allMembers(editors)).extracting(ConfluenceUser::accountId).contains(id);
    }

    @Test
    void add_member_answers_404_for_an_unknown_group_and_for_an_unknown_account_400_or_404_when_switched() {
        String id = simulator.anyAccount(active());
        List<String> before = confluenceGroups(id);
        String editors = client.groupIdByName("space-editors").orElseThrow();

        assertThatThrownBy(() -> client.addMember(UNKNOWN_GROUP, id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.detail()).contains(UNKNOWN_GROUP);
                });
        for (boolean notFound : List.of(false, true)) {
            simulator.behaviour(Map.of("confluenceUnknownIdsNotFound", notFound));
            assertThatThrownBy(() -> client.addMember(editors, "0000000000000000deadbeef"))
                    .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                        assertThat(e.status()).isEqualTo(notFound ? 404 : 400);
                        assertThat(e.isTransient()).isFalse();
                    });
        }
        assertThat(confluenceGroups(id)).isEqualTo(before);
    }

    @Test
    void remove_member_answers_204_and_leaves_the_group() {
        String id = simulator.anyAccount(active().and(inGroup("space-editors")));
        String editors = client.groupIdByName("space-editors").orElseThrow();

        client.removeMember(editors, id);

        assertThat(simulator.lastStatus("confluence.removeMember")).isEqualTo(204);
        assertThat(confluenceGroups(id)).doesNotContain("space-editors");
        assertThat(simulator.account(id)).containsEntry("accountStatus", "active");
    }

    @Test
    void member_of_lists_the_users_groups_and_an_unknown_account_has_none_whether_confluence_answers_200_or_404() {
        String id = simulator.anyAccount(active().and(inGroup("space-editors")));
        assertThat(client.allGroupsOf(id)).extracting(ConfluenceGroup::name)
                .containsExactlyInAnyOrderElementsOf(confluenceGroups(id)).contains("space-editors");
        assertThat(client.memberOf(id, 0, 1).results()).hasSize(1);
        for (boolean notFound : List.of(false, true)) {
            simulator.behaviour(Map.of("confluenceUnknownIdsNotFound", notFound));
            assertThat(client.allGroupsOf("0000000000000000deadbeef")).isEmpty();
            assertThat(simulator.lastStatus("confluence.memberOf")).isEqualTo(notFound ? 404 : 200);
        }
    }

    @Test
    void remove_of_a_non_member_answers_204_and_changes_nothing() {
        String id = simulator.anyAccount(active().and(inGroup("space-editors").negate()));
        List<String> before = confluenceGroups(id);
        String editors = client.groupIdByName("space-editors").orElseThrow();

        client.removeMember(editors, id);
        client.removeMember(editors, id);

        assertThat(simulator.lastStatus("confluence.removeMember")).isEqualTo(204);
        assertThat(confluenceGroups(id)).isEqualTo(before);
        assertThat(simulator.calls(id)).extractingByKey("countsByAccount").asString()
                .contains("confluence.removeMember=2");
        assertThatThrownBy(() -> client.removeMember(UNKNOWN_GROUP, id)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.removeMember(editors, "0000000000000000deadbeef"))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.detail()).contains("0000000000000000deadbeef");
                });
    }

    @Test
    void members_page_by_start_and_limit_over_three_pages() {
        String editors = client.groupIdByName("space-editors").orElseThrow();
        Set<String> expected = accountIds(inGroup("space-editors").and(active()));

        List<String> seen = new ArrayList<>();
        int pages = 0;
        ConfluencePage<ConfluenceUser> page = client.members(editors, 0, 2);
        while (true) {
            pages++;
            assertThat(page.limit()).isEqualTo(2);
            assertThat(page.size()).isEqualTo(page.results().size()).isLessThanOrEqualTo(2);
            page.results().forEach(user -> seen.add(user.accountId()));
            if (!page.hasNext()) {
                break;
            }
            assertThat(page.links().next()).contains("start=" + page.nextStart());
            page = client.members(editors, page.nextStart(), 2);
        }

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(client.allMembers(editors)).extracting(ConfluenceUser::accountId).containsExactlyElementsOf(seen);
    }

    @Test
    void members_silently_leave_out_deactivated_accounts() {
        String users = client.groupIdByName("confluence-users").orElseThrow();
        Set<String> inactive = accountIds(inGroup("confluence-users").and(active().negate()));
        assertThat(inactive).isNotEmpty();

        List<ConfluenceUser> members = client.allMembers(users);

        assertThat(members).extracting(ConfluenceUser::accountId)
                .containsExactlyInAnyOrderElementsOf(accountIds(inGroup("confluence-users").and(active())))
                .doesNotContainAnyElementsOf(inactive);
        assertThat(members).allSatisfy(user -> assertThat(user.email()).isNotBlank());
    }

    @Test
    void a_limit_above_200_answers_400_for_members_and_is_cut_to_200_for_groups_and_member_of() {
        String users = client.groupIdByName("confluence-users").orElseThrow();
        String id = simulator.anyAccount(active().and(inGroup("space-editors")));
        assertThat(client.members(users, 0, ConfluenceClient.PAGE_LIMIT).results()).isNotEmpty();
        assertThatThrownBy(() -> client.members(users, 0, 201)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("200");
                });
        assertThat(client.groups(0, 201).limit()).isEqualTo(200);
        assertThat(client.memberOf(id, 0, 201).limit()).isEqualTo(200);
    }

    @Test
    void the_members_of_an_unknown_group_are_none_by_default_and_404_when_switched() {
        assertThat(client.members(UNKNOWN_GROUP, 0, 10).results()).isEmpty();
        simulator.behaviour(Map.of("confluenceUnknownIdsNotFound", true));
        assertThatThrownBy(() -> client.members(UNKNOWN_GROUP, 0, 10)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void a_site_user_without_admin_permissions_is_refused_403_and_nothing_changes() {
        String id = simulator.anyAccount(active().and(inGroup("space-editors")));
        String editors = client.groupIdByName("space-editors").orElseThrow();
        simulator.behaviour(Map.of("siteUserIsAdmin", false));

        for (Runnable call : List.<Runnable>of(() -> client.removeMember(editors, id), () -> client.addMember(editors, id),
                () -> client.members(editors, 0, 10), () -> client.groups(0, 10), () -> client.memberOf(id, 0, 10))) {
            assertThatThrownBy(call::run).asInstanceOf(type(AtlassianApiException.class))
                    .satisfies(e -> assertThat(e.status()).isEqualTo(403));
        }
        assertThat(confluenceGroups(id)).contains("space-editors");
    }

    @Test
    void groups_page_by_start_and_limit_over_three_pages() {
        List<String> names = new ArrayList<>();
        int pages = 0;
        ConfluencePage<ConfluenceGroup> page = client.groups(0, 1);
        while (true) {
            pages++;
            page.results().forEach(group -> names.add(group.name()));
            if (!page.hasNext()) {
                break;
            }
            page = client.groups(page.nextStart(), 1);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("confluence-users", "confluence-administrators", "space-editors");
        assertThat(client.allGroups()).extracting(ConfluenceGroup::name).containsExactlyElementsOf(names);
        assertThat(client.groupIdByName("Space-Editors")).isPresent();
        assertThat(client.groupIdByName("no-such-group")).isEmpty();
    }

    @Test
    void an_org_key_or_no_credential_answers_401_and_changes_nothing() {
        String id = simulator.anyAccount(active().and(inGroup("space-editors")));
        String editors = client.groupIdByName("space-editors").orElseThrow();
        List<ConfluenceClient> wrong = List.of(
                new ConfluenceClient(fixture.transport(), fixture.confluence().withCredential(Credential.bearer(ClientFixture.ORG_KEY))),
                new ConfluenceClient(fixture.transport(), fixture.confluence().withCredential(Credential.bearer(ClientFixture.BITBUCKET_TOKEN))),
                new ConfluenceClient(fixture.transport(), fixture.confluence().withCredential(Credential.none())));
        for (ConfluenceClient client : wrong) {
            assertThatThrownBy(() -> client.removeMember(editors, id)).asInstanceOf(type(AtlassianApiException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain(ClientFixture.ORG_KEY, ClientFixture.BITBUCKET_TOKEN);
                    });
        }
        assertThat(confluenceGroups(id)).contains("space-editors");
    }

    private List<String> confluenceGroups(String accountId) {
        @SuppressWarnings("unchecked")
        List<String> groups = (List<String>) simulator.account(accountId).get("confluenceGroups");
        return groups;
    }

    private Set<String> accountIds(Predicate<Map<String, Object>> filter) {
        Set<String> ids = new HashSet<>();
        simulator.accounts().stream().filter(filter).forEach(a -> ids.add((String) a.get("accountId")));
        return ids;
    }

    private static Predicate<Map<String, Object>> active() {
        return a -> "active".equals(a.get("accountStatus")) && "active".equals(a.get("membershipStatus"));
    }

    private static Predicate<Map<String, Object>> inGroup(String name) {
        return a -> ((List<?>) a.get("confluenceGroups")).contains(name);
    }
}
