package io.github.atlassianlifecycle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketPage;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketUser;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/** The Bitbucket Data Center client and the simulator agree on every documented answer, over real HTTP. */
@SimulatorOnlyTest
class BitbucketClientIT {

    @LocalServerPort
    int port;

    ClientFixture fixture;
    SimulatorControl simulator;
    BitbucketClient client;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new BitbucketClient(fixture.transport(), fixture.bitbucket());
    }

    @Test
    void find_users_pages_by_start_and_is_last_page_over_three_pages() {
        List<String> expected = simulator.bitbucketUsers().stream().map(u -> (String) u.get("name")).sorted().toList();

        List<String> seen = new ArrayList<>();
        int pages = 0;
        BitbucketPage<BitbucketUser> page = client.findUsers(null, 0, 5);
        while (true) {
            pages++;
            assertThat(page.size()).isEqualTo(page.values().size()).isLessThanOrEqualTo(5);
            page.values().forEach(user -> seen.add(user.name()));
            if (page.lastPage()) {
                assertThat(page.nextPageStart()).isNull();
                break;
            }
            assertThat(page.nextPageStart()).isEqualTo(page.start() + page.size());
            page = client.findUsers(null, page.nextPageStart(), 5);
        }

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(client.findAllUsers(null)).extracting(BitbucketUser::name).containsExactlyElementsOf(seen);
    }

    @Test
    void find_users_filters_by_name_display_name_or_email() {
        Map<String, Object> seeded = seededUser();
        String email = (String) seeded.get("emailAddress");

        assertThat(client.findUserByEmail(email.toUpperCase())).map(BitbucketUser::name).hasValue((String) seeded.get("name"));
        assertThat(client.findUser((String) seeded.get("name"))).map(BitbucketUser::emailAddress).hasValue(email);
        assertThat(client.findAllUsers("demo.example")).isNotEmpty()
                .allSatisfy(user -> assertThat(user.emailAddress()).contains("demo.example"));
        assertThat(client.findUser("nobody-by-that-name")).isEmpty();
    }

    @Test
    void create_user_answers_204_and_adds_the_user_to_the_default_group() {
        client.createUser("new.person", "New Person", "new.person@demo.example");

        assertThat(simulator.lastStatus("bitbucket.createUser")).isEqualTo(204);
        assertThat(simulator.bitbucketUser("new.person")).hasValueSatisfying(user -> {
            assertThat(user).containsEntry("displayName", "New Person")
                    .containsEntry("emailAddress", "new.person@demo.example")
                    .containsEntry("active", true)
                    .containsEntry("groups", List.of("stash-users"));
        });
        assertThat(client.findUser("new.person")).map(BitbucketUser::active).hasValue(true);
    }

    @Test
    void create_user_with_a_taken_name_answers_409() {
        Map<String, Object> seeded = seededUser();
        int users = simulator.bitbucketUsers().size();

        assertThatThrownBy(() -> client.createUser(((String) seeded.get("name")).toUpperCase(), "Someone Else",
                "someone.else@demo.example")).asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorKey()).contains("DuplicateUser");
                });
        assertThat(simulator.bitbucketUsers()).hasSize(users);
    }

    @Test
    void create_user_beyond_the_licence_answers_403_and_creates_nothing() {
        int users = simulator.bitbucketUsers().size();
        simulator.behaviour(Map.of("bitbucketLicenceLimit", users));

        assertThatThrownBy(() -> client.createUser("one.too.many", "One Too Many", "one.too.many@demo.example"))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.detail()).contains("licence");
                });
        assertThat(simulator.bitbucketUser("one.too.many")).isEmpty();

        simulator.behaviour(Map.of("bitbucketLicenceLimit", users + 1));
        client.createUser("one.too.many", "One Too Many", "one.too.many@demo.example");
        assertThat(simulator.bitbucketUser("one.too.many")).isPresent();
    }

    @Test
    void create_user_without_a_display_name_answers_400_naming_the_field() {
        assertThatThrownBy(() -> client.createUser("nameless", " ", "nameless@demo.example"))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("display name");
                });
        assertThat(simulator.bitbucketUser("nameless")).isEmpty();
    }

    @Test
    void delete_user_answers_200_with_the_deleted_user_and_then_404() {
        Map<String, Object> seeded = seededUser();
        String name = (String) seeded.get("name");

        BitbucketUser deleted = client.deleteUser(name);

        assertThat(simulator.lastStatus("bitbucket.deleteUser")).isEqualTo(200);
        assertThat(deleted.name()).isEqualTo(name);
        assertThat(deleted.emailAddress()).isEqualTo(seeded.get("emailAddress"));
        assertThat(simulator.bitbucketUser(name)).isEmpty();
        assertThatThrownBy(() -> client.deleteUser(name)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorKey()).isEqualTo("com.atlassian.bitbucket.user.NoSuchUserException");
                });
        assertThat(client.deleteUserIfPresent(name)).isFalse();
    }

    @Test
    void delete_user_if_present_deletes_an_existing_user() {
        String name = (String) seededUser().get("name");
        assertThat(client.deleteUserIfPresent(name)).isTrue();
        assertThat(simulator.bitbucketUser(name)).isEmpty();
    }

    @Test
    void deleting_yourself_answers_409_and_the_admin_stays() {
        assertThatThrownBy(() -> client.deleteUser(ClientFixture.BITBUCKET_USER))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("yourself");
                });
        assertThat(simulator.bitbucketUser(ClientFixture.BITBUCKET_USER)).isPresent();
    }

    @Test
    void add_to_groups_answers_200_and_repeating_it_changes_nothing() {
        String name = (String) seededUser().get("name");

        client.addToGroups(name, List.of("release-managers", "developers"));
        client.addToGroups(name, List.of("release-managers"));

        assertThat(simulator.lastStatus("bitbucket.addUserToGroups")).isEqualTo(200);
        assertThat(bitbucketGroups(name)).contains("release-managers", "developers").doesNotHaveDuplicates();
    }

    @Test
    void add_to_an_unknown_group_or_of_an_unknown_user_answers_404_and_adds_nothing() {
        String name = (String) seededUser().get("name");
        List<String> before = bitbucketGroups(name);

        assertThatThrownBy(() -> client.addToGroups(name, List.of("release-managers", "no-such-group")))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorKey()).isEqualTo("com.atlassian.bitbucket.user.NoSuchGroupException");
                });
        assertThatThrownBy(() -> client.addToGroups("nobody", List.of("developers")))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThat(bitbucketGroups(name)).isEqualTo(before);
    }

    @Test
    void remove_from_group_answers_200_and_leaves_the_group() {
        String name = (String) seededUser().get("name");

        client.removeFromGroup(name, "stash-users");

        assertThat(simulator.lastStatus("bitbucket.removeUserFromGroup")).isEqualTo(200);
        assertThat(bitbucketGroups(name)).doesNotContain("stash-users");
        assertThatThrownBy(() -> client.removeFromGroup("nobody", "stash-users"))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.removeFromGroup(name, "no-such-group"))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void the_admin_password_as_basic_works_as_well_as_the_token_as_bearer() {
        BitbucketClient basic = new BitbucketClient(fixture.transport(), fixture.bitbucketBasic());
        basic.createUser("via.basic", "Via Basic", "via.basic@demo.example");
        assertThat(simulator.bitbucketUser("via.basic")).isPresent();
    }

    @Test
    void a_credential_of_another_kind_answers_401_and_changes_nothing() {
        String name = (String) seededUser().get("name");
        List<BitbucketClient> wrong = List.of(
                new BitbucketClient(fixture.transport(), fixture.bitbucket().withCredential(Credential.bearer(ClientFixture.ORG_KEY))),
                new BitbucketClient(fixture.transport(), fixture.bitbucket()
                        .withCredential(Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN))),
                new BitbucketClient(fixture.transport(), fixture.bitbucket()
                        .withCredential(Credential.basic("someone", ClientFixture.BITBUCKET_TOKEN))),
                new BitbucketClient(fixture.transport(), fixture.bitbucket().withCredential(Credential.none())));
        for (BitbucketClient client : wrong) {
            assertThatThrownBy(() -> client.deleteUser(name)).asInstanceOf(type(AtlassianApiException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain(ClientFixture.ORG_KEY, ClientFixture.SITE_TOKEN,
                                ClientFixture.BITBUCKET_TOKEN);
                    });
        }
        assertThat(simulator.bitbucketUser(name)).isPresent();
    }

    /** A seeded Bitbucket user that mirrors an Atlassian account (not the admin, not the build bot). */
    private Map<String, Object> seededUser() {
        return simulator.bitbucketUsers().stream()
                .filter(u -> ((String) u.get("emailAddress")).endsWith("@demo.example"))
                .filter(u -> Boolean.TRUE.equals(u.get("active")))
                .findFirst().orElseThrow();
    }

    private List<String> bitbucketGroups(String name) {
        @SuppressWarnings("unchecked")
        List<String> groups = (List<String>) simulator.bitbucketUser(name).orElseThrow().get("groups");
        return groups;
    }
}
