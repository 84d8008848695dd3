package io.github.atlassianlifecycle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.client.scim.FoundOrCreated;
import io.github.atlassianlifecycle.client.scim.ListResponse;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.scim.ScimGroup;
import io.github.atlassianlifecycle.client.scim.ScimSchema;
import io.github.atlassianlifecycle.client.scim.ScimServiceProviderConfig;
import io.github.atlassianlifecycle.client.scim.ScimUser;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.ApiResponse;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;
import io.github.atlassianlifecycle.support.SimulatorOnlyTest;

/** The SCIM client and the simulator agree on every documented answer, over real HTTP. */
@SimulatorOnlyTest
class ScimClientIT {

    static final String DIRECTORY = "demo-dir";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @LocalServerPort
    int port;

    ClientFixture fixture;
    SimulatorControl simulator;
    ScimClient client;

    @BeforeEach
    void setUp() {
        fixture = new ClientFixture(port);
        simulator = new SimulatorControl(fixture.simUrl());
        simulator.reset();
        client = new ScimClient(fixture.transport(), fixture.scim(), DIRECTORY);
    }

    // ---- Reading users

    @Test
    void seeded_scim_accounts_are_listed_and_linked_to_their_atlassian_accounts() {
        Map<String, String> scimToAccount = activeScimAccounts();
        assertThat(scimToAccount).isNotEmpty();

        List<ScimUser> users = client.listAllUsers();

        assertThat(users).extracting(ScimUser::id).containsExactlyInAnyOrderElementsOf(scimToAccount.keySet());
        for (ScimUser user : users) {
            assertThat(user.atlassianAccountId()).isEqualTo(scimToAccount.get(user.id()));
            assertThat(user.isDeactivated()).isFalse();
            assertThat(user.primaryEmail()).endsWith("@demo.example");
            assertThat(user.meta().resourceType()).isEqualTo("User");
            assertThat(user.meta().location()).endsWith("/sim/api/scim/directory/demo-dir/Users/" + user.id());
        }
    }

    @Test
    void paging_walks_three_pages_with_start_index_and_count() {
        int total = activeScimAccounts().size();
        assertThat(total).as("the seed has enough SCIM users for three pages of two").isGreaterThanOrEqualTo(5);

        ListResponse<ScimUser> first = client.listUsers(1, 2);
        ListResponse<ScimUser> second = client.listUsers(3, 2);
        ListResponse<ScimUser> third = client.listUsers(5, 2);

        assertThat(first.totalResults()).isEqualTo(total);
        assertThat(first.startIndex()).isEqualTo(1);
        assertThat(first.itemsPerPage()).isEqualTo(2);
        assertThat(second.startIndex()).isEqualTo(3);
        assertThat(third.startIndex()).isEqualTo(5);
        assertThat(third.resources()).hasSize(Math.min(2, total - 4));
        List<String> ids = new ArrayList<>();
        for (ListResponse<ScimUser> page : List.of(first, second, third)) {
            page.resources().forEach(u -> ids.add(u.id()));
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(client.listAllUsers()).extracting(ScimUser::id).startsWith(ids.toArray(String[]::new));
        assertThat(client.listUsers(total + 1, 2).resources()).isEmpty();
    }

    @Test
    void count_above_100_is_clamped_start_index_below_1_reads_as_1_and_all_pages_are_followed() {
        int seeded = activeScimAccounts().size();
        for (int i = 0; i < 100; i++) {
            client.createUser(ScimUser.builder("bulk" + i + "@demo.example").email("bulk" + i + "@demo.example").build());
        }

        ListResponse<ScimUser> page = client.listUsers(0, 500);

        assertThat(page.startIndex()).isEqualTo(1);
        assertThat(page.itemsPerPage()).isEqualTo(100);
        assertThat(page.resources()).hasSize(100);
        assertThat(page.totalResults()).isEqualTo(seeded + 100);
        assertThat(client.listAllUsers()).hasSize(seeded + 100).extracting(ScimUser::id).doesNotHaveDuplicates();
        assertThat(client.listUsers(1, 0).resources()).isEmpty();
    }

    @Test
    void users_are_found_by_user_name_in_any_case_and_by_external_id_exactly() {
        Map<String, Object> seeded = scimAccount();
        String email = (String) seeded.get("email");
        String externalId = (String) seeded.get("externalId");

        ScimUser byName = client.findUserByUserName(email.toUpperCase()).orElseThrow();
        ScimUser byExternalId = client.findUserByExternalId(externalId).orElseThrow();

        assertThat(byName.id()).isEqualTo(seeded.get("scimId"));
        assertThat(byName.userName()).isEqualTo(email);
        assertThat(byExternalId.id()).isEqualTo(seeded.get("scimId"));
        assertThat(byExternalId.externalId()).isEqualTo(externalId);
        assertThat(client.findUserByExternalId(externalId.toUpperCase())).isEmpty();
        assertThat(client.findUserByUserName("nobody@demo.example")).isEmpty();
        assertThat(client.getUser(byName.id()).atlassianAccountId()).isEqualTo(seeded.get("accountId"));
    }

    @Test
    void filter_values_with_quotes_and_backslashes_travel_safely() {
        String tricky = "o\"brien\\ops\" or userName pr or userName eq \"x";
        ScimUser created = client.createUser(ScimUser.builder(tricky).email("obrien@demo.example")
                .externalId("ext\"1\\").build());

        assertThat(client.findUserByUserName(tricky)).map(ScimUser::id).contains(created.id());
        assertThat(client.findUserByExternalId("ext\"1\\")).map(ScimUser::id).contains(created.id());
        assertThat(client.findUserByUserName("x")).isEmpty();
    }

    @Test
    void filters_other_than_a_single_eq_answer_400_invalid_filter() {
        for (String filter : List.of("userName sw \"ada\"", "title eq \"x\"",
                "userName eq \"a\" or externalId eq \"b\"", "userName pr")) {
            assertThatThrownBy(() -> raw(ApiRequest.get("/scim/directory/{}/Users", DIRECTORY).query("filter", filter)))
                    .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorKey()).isEqualTo("invalidFilter");
                    });
        }
        assertThatThrownBy(() -> raw(ApiRequest.get("/scim/directory/{}/Groups", DIRECTORY)
                .query("filter", "members eq \"x\""))).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.errorKey()).isEqualTo("invalidFilter"));
    }

    // ---- Creating users

    @Test
    void create_makes_a_managed_synced_account_for_a_new_email_on_the_claimed_domain() {
        int accountsBefore = simulator.accounts().size();
        ScimUser created = client.createUser(ScimUser.builder("new.hire@demo.example").email("new.hire@demo.example")
                .externalId("emp-9001").name("New", "Hire").title("Engineer").department("engineering")
                .organization("Demo").timezone("Europe/Berlin").preferredLanguage("de").build());

        assertThat(created.id()).isNotBlank();
        assertThat(created.active()).isTrue();
        assertThat(created.name().formatted()).isEqualTo("New Hire");
        assertThat(created.timezone()).isEqualTo("Europe/Berlin");
        assertThat(created.meta().createdAt()).isNotNull();
        Map<String, Object> account = simulator.account(created.atlassianAccountId());
        assertThat(account).containsEntry("email", "new.hire@demo.example").containsEntry("claimStatus", "managed")
                .containsEntry("accountStatus", "active").containsEntry("externalDirectory", "scim")
                .containsEntry("managementSource", "synced").containsEntry("scimId", created.id())
                .containsEntry("externalId", "emp-9001").containsEntry("name", "New Hire");
        assertThat(simulator.accounts()).hasSize(accountsBefore + 1);
    }

    @Test
    void create_links_an_existing_managed_account_instead_of_making_a_second_one() {
        String accountId = simulator.activeManagedAccount();
        String email = (String) simulator.account(accountId).get("email");
        int accountsBefore = simulator.accounts().size();

        ScimUser linked = client.createUser(ScimUser.builder(email).email(email).externalId("emp-link").build());

        assertThat(linked.atlassianAccountId()).isEqualTo(accountId);
        assertThat(simulator.accounts()).hasSize(accountsBefore);
        assertThat(simulator.account(accountId)).containsEntry("scimId", linked.id())
                .containsEntry("externalDirectory", "scim").containsEntry("managementSource", "synced")
                .containsEntry("claimStatus", "managed").containsEntry("accountStatus", "active");
    }

    @Test
    void an_email_off_the_verified_domain_makes_no_account_refused_400_by_default_and_403_when_switched() {
        String partner = (String) simulator.account(simulator.anyAccount(SimulatorControl.unmanaged())).get("email");
        int accountsBefore = simulator.accounts().size();
        for (int status : List.of(400, 403)) {
            simulator.behaviour(Map.of("scimUnverifiedDomainStatus", status));
            for (String email : List.of("new.person@example.org", partner)) {
                assertThatThrownBy(() -> client.createUser(ScimUser.builder(email).email(email).build()))
                        .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                            assertThat(e.status()).isEqualTo(status);
                            assertThat(e.errorKey()).isEqualTo(status == 400 ? "invalidValue" : null);
                            assertThat(e.isTransient()).isFalse();
                        });
            }
        }
        assertThat(simulator.accounts()).hasSize(accountsBefore);
        assertThat(simulator.accounts()).noneMatch(a -> a.get("scimId") != null && !((String) a.get("email"))
                .endsWith("@demo.example"));
    }

    @Test
    void a_patch_without_the_patch_op_schema_answers_400_invalid_syntax_and_changes_nothing() {
        String scimId = (String) scimAccount().get("scimId");

        assertThatThrownBy(() -> rawPatch(scimId, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorKey()).isEqualTo("invalidSyntax");
                });
        assertThat(client.getUser(scimId).isDeactivated()).isFalse();
    }

    @Test
    void a_taken_user_name_external_id_or_email_answers_409_uniqueness() {
        Map<String, Object> seeded = scimAccount();
        String email = (String) seeded.get("email");
        Consumer<ScimUser> conflicts = user -> assertThatThrownBy(() -> client.createUser(user))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorKey()).isEqualTo("uniqueness");
                    assertThat(e.isTransient()).isFalse();
                });
        int accountsBefore = simulator.accounts().size();

        conflicts.accept(ScimUser.builder(email).email("other1@demo.example").build());
        conflicts.accept(ScimUser.builder("other2@demo.example").email(email).build());
        conflicts.accept(ScimUser.builder("other3@demo.example").email("other3@demo.example")
                .externalId((String) seeded.get("externalId")).build());

        assertThat(simulator.accounts()).hasSize(accountsBefore);
    }

    @Test
    void find_or_create_never_makes_a_duplicate_even_after_a_lost_answer() {
        ScimUser wanted = ScimUser.builder("idem@demo.example").email("idem@demo.example").externalId("emp-idem").build();

        FoundOrCreated<ScimUser> first = client.findOrCreateUser(wanted);
        FoundOrCreated<ScimUser> again = client.findOrCreateUser(wanted);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.resource().id()).isEqualTo(first.resource().id());
        // A create that reached Atlassian but whose answer was lost: the retry finds it.
        ScimUser lost = client.createUser(ScimUser.builder("lost@demo.example").email("lost@demo.example").build());
        FoundOrCreated<ScimUser> retry = client.findOrCreateUser(
                ScimUser.builder("lost@demo.example").email("lost@demo.example").build());
        assertThat(retry.created()).isFalse();
        assertThat(retry.resource().id()).isEqualTo(lost.id());
        assertThat(createCalls()).isEqualTo(2);
        assertThat(simulator.accounts()).filteredOn(a -> "idem@demo.example".equals(a.get("email"))).hasSize(1);
    }

    // ---- Changing users

    @Test
    void deactivated_users_are_hidden_from_list_and_filter_but_get_still_answers() {
        Map<String, Object> seeded = scimAccount();
        String scimId = (String) seeded.get("scimId");
        String accountId = (String) seeded.get("accountId");

        ScimUser deactivated = client.setActive(scimId, false);

        assertThat(deactivated.active()).isFalse();
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");
        assertThat(client.getUser(scimId).active()).isFalse();
        assertThat(client.findUserByUserName((String) seeded.get("email"))).isEmpty();
        assertThat(client.findUserByExternalId((String) seeded.get("externalId"))).isEmpty();
        assertThat(client.listAllUsers()).extracting(ScimUser::id).doesNotContain(scimId);
        assertThat(client.listUsers(1, 100).totalResults()).isEqualTo(activeScimAccounts().size());

        client.setActive(scimId, true);

        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active");
        assertThat(client.listAllUsers()).extracting(ScimUser::id).contains(scimId);
    }

    @Test
    void deactivate_and_activate_are_idempotent() {
        Map<String, Object> seeded = scimAccount();
        String scimId = (String) seeded.get("scimId");

        assertThat(client.deactivate(scimId)).isTrue();
        assertThat(client.deactivate(scimId)).isFalse();
        assertThat(simulator.account((String) seeded.get("accountId"))).containsEntry("accountStatus", "inactive");
        assertThat(client.activate(scimId)).isTrue();
        assertThat(client.activate(scimId)).isFalse();
        assertThat(simulator.account((String) seeded.get("accountId"))).containsEntry("accountStatus", "active");
        assertThat(operationCount("scim.patchUser")).isEqualTo(2);
    }

    @Test
    void patch_accepts_operations_in_either_spelling_with_or_without_path() {
        Map<String, Object> seeded = scimAccount();
        String scimId = (String) seeded.get("scimId");
        String accountId = (String) seeded.get("accountId");
        rawPatch(scimId, "{\"schemas\":[\"" + PATCH_OP + "\"],\"operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");

        rawPatch(scimId, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"value\":{\"active\":true}}]}");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active");

        rawPatch(scimId, "{\"schemas\":[\"" + PATCH_OP + "\"],\"operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");

        rawPatch(scimId, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"True\"}]}");
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "active");
    }

    @Test
    void patch_replaces_simple_attributes_and_refuses_unknown_paths_without_changing_anything() {
        Map<String, Object> seeded = scimAccount();
        String scimId = (String) seeded.get("scimId");
        String accountId = (String) seeded.get("accountId");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("title", "Principal engineer");
        attributes.put("department", "platform");
        attributes.put("displayName", "Renamed Person");
        attributes.put("name.familyName", "Person");
        attributes.put("timezone", "Europe/Paris");

        ScimUser patched = client.replaceAttributes(scimId, attributes);

        assertThat(patched.title()).isEqualTo("Principal engineer");
        assertThat(patched.name().familyName()).isEqualTo("Person");
        assertThat(patched.timezone()).isEqualTo("Europe/Paris");
        assertThat(simulator.account(accountId)).containsEntry("title", "Principal engineer")
                .containsEntry("department", "platform").containsEntry("name", "Renamed Person");

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("title", "Should not stick");
        bad.put("phoneNumbers", "+49 1");
        assertThatThrownBy(() -> client.replaceAttributes(scimId, bad)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorKey()).isEqualTo("invalidPath");
                });
        assertThatThrownBy(() -> client.replaceAttributes(scimId, Map.of("id", "mine")))
                .asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.errorKey()).isEqualTo("mutability"));
        assertThat(simulator.account(accountId)).containsEntry("title", "Principal engineer");
    }

    @Test
    void replace_clears_the_attributes_it_does_not_name() {
        ScimUser created = client.createUser(ScimUser.builder("put.me@demo.example").email("put.me@demo.example")
                .externalId("emp-put").name("Put", "Me").title("Lead").department("sales").timezone("UTC").build());

        ScimUser replaced = client.replaceUser(created.id(), ScimUser.builder("put.me@demo.example")
                .email("put.me@demo.example").displayName("Put Me").build());

        assertThat(replaced.title()).isNull();
        assertThat(replaced.department()).isNull();
        assertThat(replaced.timezone()).isNull();
        assertThat(replaced.externalId()).isNull();
        assertThat(replaced.name()).isNull();
        assertThat(replaced.active()).isTrue();
        Map<String, Object> account = simulator.account(created.atlassianAccountId());
        assertThat(account.get("title")).isNull();
        assertThat(account.get("department")).isNull();
        assertThat(account.get("externalId")).isNull();
        assertThat(account).containsEntry("name", "Put Me").containsEntry("accountStatus", "active");

        ScimUser kept = client.replaceUser(created.id(), replaced.toBuilder().title("Lead again").build());
        assertThat(kept.title()).isEqualTo("Lead again");
        assertThat(kept.displayName()).isEqualTo("Put Me");
    }

    @Test
    void delete_kills_the_scim_id_and_unlinks_and_deactivates_the_account() {
        Map<String, Object> seeded = scimAccount();
        String scimId = (String) seeded.get("scimId");
        String accountId = (String) seeded.get("accountId");

        client.deleteUser(scimId);

        Map<String, Object> account = simulator.account(accountId);
        assertThat(account.get("scimId")).isNull();
        assertThat(account.get("externalDirectory")).isNull();
        assertThat(account).containsEntry("accountStatus", "inactive").containsKey("deactivatedOn");
        assertThatThrownBy(() -> client.getUser(scimId)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.setActive(scimId, true)).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThat(client.deleteUserIfPresent(scimId)).isFalse();
        assertThat(simulator.account(accountId)).containsEntry("accountStatus", "inactive");
        assertThat(client.listAllUsers()).extracting(ScimUser::id).doesNotContain(scimId);
    }

    @Test
    void a_deleted_user_provisioned_again_relinks_the_same_account_under_a_new_id() {
        Map<String, Object> seeded = scimAccount();
        String email = (String) seeded.get("email");
        client.deleteUser((String) seeded.get("scimId"));

        ScimUser again = client.createUser(ScimUser.builder(email).email(email).build());

        assertThat(again.atlassianAccountId()).isEqualTo(seeded.get("accountId"));
        assertThat(again.id()).isNotEqualTo(seeded.get("scimId"));
        assertThat(simulator.account((String) seeded.get("accountId"))).containsEntry("accountStatus", "active")
                .containsEntry("scimId", again.id());
    }

    // ---- Errors shared by all endpoints

    @Test
    void unknown_ids_and_an_unknown_directory_answer_404() {
        assertThatThrownBy(() -> client.getUser("00000000-0000-0000-0000-000000000000"))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.detail()).contains("not found");
                });
        assertThatThrownBy(() -> client.getGroup("no-such-group")).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        ScimClient elsewhere = new ScimClient(fixture.transport(), fixture.scim(), "other-dir");
        assertThatThrownBy(elsewhere::listAllUsers).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void a_key_of_the_wrong_kind_answers_401_and_the_message_holds_no_key() {
        Map<String, Object> seeded = scimAccount();
        for (Credential wrong : List.of(Credential.bearer(ClientFixture.ORG_KEY),
                Credential.basic(ClientFixture.SITE_EMAIL, ClientFixture.SITE_TOKEN), Credential.none())) {
            ScimClient withWrongKey = new ScimClient(fixture.transport(), fixture.scim().withCredential(wrong), DIRECTORY);
            assertThatThrownBy(() -> withWrongKey.setActive((String) seeded.get("scimId"), false))
                    .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.isTransient()).isFalse();
                        assertThat(e.getMessage()).doesNotContain(ClientFixture.ORG_KEY, ClientFixture.SITE_TOKEN,
                                ClientFixture.SCIM_KEY);
                    });
        }
        assertThat(simulator.account((String) seeded.get("accountId"))).containsEntry("accountStatus", "active");
    }

    @Test
    void answers_are_scim_json_and_errors_carry_a_string_status() {
        ApiResponse answer = raw(ApiRequest.get("/scim/directory/{}/Users", DIRECTORY).query("count", 1));
        assertThat(answer.header("Content-Type")).startsWith("application/scim+json");

        RestClient http = RestClient.builder().baseUrl(fixture.simUrl() + "/api/scim/directory/demo-dir")
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        var notFound = http.get().uri("/Users/nope").header("Authorization", "Bearer " + ClientFixture.SCIM_KEY)
                .retrieve().toEntity(JsonNode.class);
        var unauthorized = http.get().uri("/Users").header("Authorization", "Bearer " + ClientFixture.ORG_KEY)
                .retrieve().toEntity(JsonNode.class);

        assertThat(notFound.getStatusCode().value()).isEqualTo(404);
        assertThat(notFound.getHeaders().getContentType()).hasToString("application/scim+json");
        assertThat(notFound.getBody().get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(notFound.getBody().get("status").isTextual()).isTrue();
        assertThat(notFound.getBody().get("status").asText()).isEqualTo("404");
        assertThat(unauthorized.getStatusCode().value()).isEqualTo(401);
        assertThat(unauthorized.getBody().get("status").asText()).isEqualTo("401");
    }

    @Test
    void a_patch_answered_with_204_still_gives_the_user_back() {
        simulator.behaviour(Map.of("scimPatchNoContent", true));
        Map<String, Object> seeded = scimAccount();

        ScimUser user = client.setActive((String) seeded.get("scimId"), false);

        assertThat(user.active()).isFalse();
        assertThat(simulator.account((String) seeded.get("accountId"))).containsEntry("accountStatus", "inactive");
        String groupId = client.createGroup("no-content-group").id();
        client.addGroupMembers(groupId, List.of((String) seeded.get("scimId")));
        assertThat(client.getGroup(groupId).hasMember((String) seeded.get("scimId"))).isTrue();
    }

    // ---- Groups

    @Test
    void groups_are_created_found_read_patched_and_deleted_and_membership_reaches_the_accounts() {
        List<Map<String, Object>> two = simulator.accounts().stream().filter(SimulatorControl.scimManaged())
                .filter(a -> "active".equals(a.get("accountStatus"))).limit(2).toList();
        String first = (String) two.get(0).get("scimId");
        String second = (String) two.get(1).get("scimId");

        ScimGroup created = client.createGroup("scim-engineering");
        assertThat(created.memberList()).isEmpty();
        assertThat(client.findGroupByDisplayName("SCIM-Engineering")).map(ScimGroup::id).contains(created.id());

        client.addGroupMembers(created.id(), List.of(first, second));
        client.addGroupMembers(created.id(), List.of(first));
        ScimGroup withMembers = client.getGroup(created.id());
        assertThat(withMembers.memberList()).extracting(ScimGroup.Member::value).containsExactlyInAnyOrder(first, second);
        assertThat(orgGroups(two.get(0))).contains("scim-engineering");
        assertThat(client.getUser(first).groups()).extracting(ScimUser.GroupRef::display).contains("scim-engineering");

        client.removeGroupMembers(created.id(), List.of(first));
        assertThat(orgGroups(two.get(0))).doesNotContain("scim-engineering");
        assertThat(orgGroups(two.get(1))).contains("scim-engineering");

        raw(ApiRequest.patch("/scim/directory/{}/Groups/{}", DIRECTORY, created.id()).body(
                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                        + second + "\\\"]\"}]}"));
        assertThat(client.getGroup(created.id()).memberList()).isEmpty();
        assertThat(orgGroups(two.get(1))).doesNotContain("scim-engineering");

        client.addGroupMembers(created.id(), List.of(second));
        client.deleteGroup(created.id());
        assertThatThrownBy(() -> client.getGroup(created.id())).asInstanceOf(type(AtlassianApiException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThat(orgGroups(two.get(1))).doesNotContain("scim-engineering");
        assertThat(client.findGroupByDisplayName("scim-engineering")).isEmpty();
    }

    @Test
    void groups_page_and_a_group_can_start_with_members() {
        String member = (String) scimAccount().get("scimId");
        int seeded = client.listAllGroups().size(); // groups the identity provider already synced
        assertThat(client.listAllGroups()).extracting(ScimGroup::displayName).contains("idp-synced-staff");
        for (int i = 0; i < 5; i++) {
            client.createGroup("paged-" + i, i == 0 ? List.of(member) : List.of());
        }

        ListResponse<ScimGroup> page = client.listGroups(seeded + 2, 2);

        assertThat(page.totalResults()).isEqualTo(seeded + 5);
        assertThat(page.resources()).extracting(ScimGroup::displayName).containsExactly("paged-1", "paged-2");
        assertThat(client.listAllGroups()).hasSize(seeded + 5);
        assertThat(client.findGroupByDisplayName("paged-0").orElseThrow().hasMember(member)).isTrue();
        assertThat(client.listAllGroups()).extracting(ScimGroup::displayName)
                .as("org groups not made by SCIM are not SCIM's").doesNotContain("engineering", "jira-software-users");
    }

    @Test
    void a_taken_group_name_answers_409_and_a_rename_answers_400_mutability() {
        ScimGroup group = client.createGroup("scim-sales");
        for (String taken : List.of("scim-sales", "Engineering")) {
            assertThatThrownBy(() -> client.createGroup(taken)).asInstanceOf(type(AtlassianApiException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.errorKey()).isEqualTo("uniqueness");
                    });
        }
        for (String rename : List.of(
                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"scim-revenue\"}]}",
                "{\"schemas\":[\"" + PATCH_OP + "\"],\"operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"scim-revenue\"}}]}")) {
            assertThatThrownBy(() -> raw(ApiRequest.patch("/scim/directory/{}/Groups/{}", DIRECTORY, group.id()).body(rename)))
                    .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorKey()).isEqualTo("mutability");
                    });
        }
        assertThat(client.getGroup(group.id()).displayName()).isEqualTo("scim-sales");
        assertThatThrownBy(() -> client.addGroupMembers(group.id(), List.of("no-such-user")))
                .asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorKey()).isEqualTo("invalidValue");
                });
    }

    @Test
    void find_or_create_group_is_idempotent() {
        FoundOrCreated<ScimGroup> first = client.findOrCreateGroup("scim-idempotent");
        FoundOrCreated<ScimGroup> again = client.findOrCreateGroup("scim-idempotent");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.resource().id()).isEqualTo(first.resource().id());
        assertThat(operationCount("scim.createGroup")).isEqualTo(1);
    }

    // ---- Discovery

    @Test
    void service_provider_config_and_schemas_describe_what_the_directory_supports() {
        ScimServiceProviderConfig config = client.serviceProviderConfig();
        List<ScimSchema> schemas = client.schemas();

        assertThat(config.patchSupported()).isTrue();
        assertThat(config.sortSupported()).isFalse();
        assertThat(config.maxResults()).isEqualTo(100);
        assertThat(config.authenticationSchemes()).extracting(ScimServiceProviderConfig.AuthenticationScheme::type)
                .contains("oauthbearertoken");
        assertThat(schemas).extracting(ScimSchema::id).contains(ScimUser.SCHEMA, ScimGroup.SCHEMA,
                ScimUser.ATLASSIAN_EXTENSION);
        ScimSchema user = schemas.stream().filter(s -> s.id().equals(ScimUser.SCHEMA)).findFirst().orElseThrow();
        assertThat(user.attribute("username").required()).isTrue();
        assertThat(user.attribute("name").subAttributes()).extracting(ScimSchema.Attribute::name).contains("givenName");
    }

    // ---- Helpers

    /** Active SCIM-linked accounts: SCIM id to Atlassian account id. */
    private Map<String, String> activeScimAccounts() {
        return simulator.accounts().stream().filter(SimulatorControl.scimManaged())
                .filter(a -> "active".equals(a.get("accountStatus")) && a.get("scimId") != null)
                .collect(Collectors.toMap(a -> (String) a.get("scimId"), a -> (String) a.get("accountId")));
    }

    @Test
    void scim_calls_are_counted_against_the_account_they_touch() {
        Map<String, Object> seeded = scimAccount();
        String scimId = (String) seeded.get("scimId");
        client.getUser(scimId);
        client.deactivate(scimId);
        assertThat(simulator.calls((String) seeded.get("accountId"))).extractingByKey("countsByAccount").asString()
                .contains("scim.getUser=").contains("scim.patchUser=1");
    }

    private Map<String, Object> scimAccount() {
        return simulator.account(simulator.anyAccount(a -> SimulatorControl.scimManaged().test(a)
                && "active".equals(a.get("accountStatus")) && a.get("externalId") != null));
    }

    @SuppressWarnings("unchecked")
    private List<String> orgGroups(Map<String, Object> account) {
        return (List<String>) simulator.account((String) account.get("accountId")).get("orgGroups");
    }

    private ApiResponse raw(ApiRequest request) {
        return fixture.transport().send(fixture.scim(),
                request.contentType("application/scim+json").accept("application/scim+json"));
    }

    private void rawPatch(String scimId, String body) {
        raw(ApiRequest.patch("/scim/directory/{}/Users/{}", DIRECTORY, scimId).body(body));
    }

    /** How often the simulator saw an operation since the reset (the counts per operation are global). */
    @SuppressWarnings("unchecked")
    private int operationCount(String operation) {
        Map<String, Object> calls = simulator.calls("none");
        Map<String, Integer> counts = (Map<String, Integer>) calls.get("countsByOperation");
        return counts.getOrDefault(operation, 0);
    }

    private int createCalls() {
        return operationCount("scim.createUser");
    }
}
