package io.github.atlassianlifecycle.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.scim.ListResponse;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.scim.ScimGroup;
import io.github.atlassianlifecycle.client.scim.ScimResourceType;
import io.github.atlassianlifecycle.client.scim.ScimSchema;
import io.github.atlassianlifecycle.client.scim.ScimUser;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.reference.DocumentedAnswers;
import io.github.atlassianlifecycle.support.ClientFixture;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The simulated SCIM API answers every call the SCIM client makes as Atlassian's user provisioning reference
 * documents it: each success and each documented refusal, {@code application/scim+json}, bodies valid against the
 * reference's schemas. The few documented refusals the client never provokes (a filter other than one eq, a PATCH
 * without the PatchOp schema, a group rename) are sent as plain requests through the same hop.
 */
class ScimConformanceIT extends SimulatorConformance {

    private static final String DIRECTORY = "demo-dir";
    private static final String UNKNOWN = "2819c223-7f76-453a-919d-413861904646";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Override
    protected String family() {
        return "scim";
    }

    @Override
    protected String simulatorBase() {
        return "/api";
    }

    private ApiEndpoint scimEndpoint(Credential credential) {
        return endpoint(ApiFamily.SCIM, credential);
    }

    private ScimClient client() {
        return new ScimClient(fixture.transport(), scimEndpoint(Credential.bearer(ClientFixture.SCIM_KEY)), DIRECTORY);
    }

    private ScimClient withTheOrgKey() {
        return new ScimClient(fixture.transport(), scimEndpoint(Credential.bearer(ClientFixture.ORG_KEY)), DIRECTORY);
    }

    // ---- Users

    @Test
    void users_are_listed_read_whole_or_by_attribute_and_found_by_filter() {
        Map<String, Object> seeded = scimAccount();
        String scimId = (String) seeded.get("scimId");

        ListResponse<ScimUser> page = client().listUsers(1, 2);
        ScimUser user = client().getUser(scimId);
        ScimUser partial = client().getUser(scimId, List.of("userName"));

        assertThat(page.resources()).hasSize(2);
        assertThat(user.atlassianAccountId()).isEqualTo(seeded.get("accountId"));
        assertThat(partial.id()).isEqualTo(scimId);
        assertThat(partial.userName()).isEqualTo(user.userName());
        assertThat(partial.primaryEmail()).isNull();
        assertThat(client().findUserByUserName("nobody@demo.example")).isEmpty();
    }

    @Test
    void excluded_attributes_are_left_out_and_id_always_stays() {
        String scimId = (String) scimAccount().get("scimId");

        JsonNode user = raw(ApiRequest.get("/scim/directory/{}/Users/{}", DIRECTORY, scimId)
                .query("excludedAttributes", "groups,title,name.givenName"));

        assertThat(user.get("id").asText()).isEqualTo(scimId);
        assertThat(user.has("groups")).isFalse();
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("userName")).isTrue();
        assertThat(user.has("emails")).isTrue();
        assertThat(user.path("name").has("givenName")).isFalse();
        assertThat(user.path("name").has("familyName")).isTrue();
    }

    @Test
    void unknown_ids_a_key_of_another_kind_and_an_unsupported_filter_are_refused() {
        assertStatus(() -> client().getUser(UNKNOWN), 404, null);
        assertStatus(() -> withTheOrgKey().getUser(UNKNOWN), 401, null);
        assertStatus(() -> withTheOrgKey().listUsers(1, 2), 401, null);
        assertStatus(() -> withTheOrgKey().serviceProviderConfig(), 401, null);
        assertStatus(() -> withTheOrgKey().createUser(ScimUser.builder("x@demo.example").email("x@demo.example")
                .build()), 401, null);
        assertStatus(() -> raw(ApiRequest.get("/scim/directory/{}/Users", DIRECTORY)
                .query("filter", "displayName co \"Lu\"")), 400, "invalidFilter");
    }

    @Test
    void a_user_is_created_on_the_verified_domain_only_and_a_taken_user_name_is_refused() {
        int accounts = simulator.accounts().size();

        ScimUser created = client().createUser(ScimUser.builder("new.hire@demo.example").email("new.hire@demo.example")
                .externalId("emp-9001").name("New", "Hire").build());

        assertThat(created.atlassianAccountId()).isNotBlank();
        assertStatus(() -> client().createUser(ScimUser.builder("new.hire@demo.example").email("other@demo.example")
                .build()), 409, "uniqueness");
        assertStatus(() -> client().createUser(ScimUser.builder("someone@example.org").email("someone@example.org")
                .build()), 400, "invalidValue");
        assertThat(simulator.accounts()).hasSize(accounts + 1)
                .noneMatch(account -> "someone@example.org".equals(account.get("email")));
    }

    @Test
    void a_user_is_replaced_and_an_unknown_one_is_not() {
        Map<String, Object> seeded = scimAccount();
        String email = (String) seeded.get("email");

        ScimUser replaced = client().replaceUser((String) seeded.get("scimId"),
                ScimUser.builder(email).email(email).title("Senior Engineer").build());

        assertThat(replaced.title()).isEqualTo("Senior Engineer");
        assertStatus(() -> client().replaceUser(UNKNOWN, ScimUser.builder(email).email(email).build()), 404, null);
    }

    @Test
    void a_user_is_patched_and_unknown_paths_bodies_without_the_patch_op_schema_and_unknown_ids_are_refused() {
        String scimId = (String) scimAccount().get("scimId");

        assertThat(client().setActive(scimId, false).isDeactivated()).isTrue();
        assertStatus(() -> client().replaceAttributes(scimId, Map.of("nonexistent", "x")), 400, "invalidPath");
        assertStatus(() -> raw(ApiRequest.patch("/scim/directory/{}/Users/{}", DIRECTORY, scimId)
                .body("{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}")), 400, "invalidSyntax");
        assertThat(client().getUser(scimId).isDeactivated()).as("the refused patch changed nothing").isTrue();
        assertStatus(() -> client().setActive(UNKNOWN, false), 404, null);
    }

    @Test
    void a_deleted_user_is_gone() {
        String scimId = (String) scimAccount().get("scimId");

        client().deleteUser(scimId);

        assertStatus(() -> client().deleteUser(scimId), 404, null);
    }

    // ---- Groups

    @Test
    void groups_are_created_read_found_patched_and_deleted() {
        String member = (String) scimAccount().get("scimId");

        ScimGroup created = client().createGroup("scim-conformance", List.of(member));
        ScimGroup read = client().getGroup(created.id());
        ScimGroup found = client().findGroupByDisplayName("scim-conformance").orElseThrow();
        client().addGroupMembers(created.id(), List.of(member));
        client().deleteGroup(created.id());

        assertThat(read.memberList()).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(member);
            assertThat(m.type()).isEqualTo("User");
            assertThat(m.ref()).endsWith("/scim/directory/" + DIRECTORY + "/Users/" + member);
        });
        assertThat(found.id()).isEqualTo(created.id());
        assertThat(client().getUser(member).groups()).noneMatch(g -> g.value().equals(created.id()));
    }

    @Test
    void a_taken_name_a_rename_and_unknown_groups_are_refused() {
        ScimGroup group = client().createGroup("scim-renamed");

        assertStatus(() -> client().createGroup("scim-renamed"), 409, "uniqueness");
        assertStatus(() -> raw(ApiRequest.patch("/scim/directory/{}/Groups/{}", DIRECTORY, group.id())
                .body("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\","
                        + "\"value\":\"scim-other\"}]}")), 400, "mutability");
        assertStatus(() -> client().getGroup(UNKNOWN), 404, null);
        assertStatus(() -> client().addGroupMembers(UNKNOWN, List.of(group.id())), 404, null);
        assertStatus(() -> client().deleteGroup(UNKNOWN), 404, null);
    }

    @Test
    void a_users_groups_carry_their_ref() {
        String scimId = (String) scimAccount().get("scimId");

        ScimUser user = client().getUser(scimId);

        assertThat(user.groups()).isNotEmpty().allSatisfy(group ->
                assertThat(group.ref()).endsWith("/scim/directory/" + DIRECTORY + "/Groups/" + group.value()));
    }

    // ---- Discovery

    @Test
    void the_directory_describes_its_features_resource_types_and_the_three_documented_schemas() {
        List<String> documentedSchemas = new ArrayList<>();
        DocumentedAnswers.named("scim", "schemas.200").body().get("Resources")
                .forEach(schema -> documentedSchemas.add(schema.get("id").asText()));

        assertThat(client().serviceProviderConfig().patchSupported()).isTrue();
        assertThat(client().schemas()).extracting(ScimSchema::id).containsAll(documentedSchemas);
        for (String id : documentedSchemas) {
            assertThat(client().schema(id).id()).isEqualTo(id);
        }
        assertThat(client().resourceTypes()).extracting(ScimResourceType::endpoint).containsExactly("/Users", "/Groups");
        assertThat(client().resourceType("User").schemaExtensions()).extracting(ScimResourceType.SchemaExtension::schema)
                .contains(ScimUser.ENTERPRISE_EXTENSION);
        assertThat(client().resourceType("Group").schema()).isEqualTo(ScimGroup.SCHEMA);
    }

    // ---- Helpers

    private Map<String, Object> scimAccount() {
        return simulator.account(simulator.anyAccount(a -> SimulatorControl.scimManaged().test(a)
                && "active".equals(a.get("accountStatus")) && a.get("externalId") != null));
    }

    private JsonNode raw(ApiRequest request) {
        try {
            return fixture.transport().json().readTree(fixture.transport()
                    .send(scimEndpoint(Credential.bearer(ClientFixture.SCIM_KEY)),
                            request.contentType("application/scim+json").accept("application/scim+json"))
                    .body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertStatus(Runnable call, int status, String scimType) {
        assertThatThrownBy(call::run).asInstanceOf(type(AtlassianApiException.class)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorKey()).isEqualTo(scimType);
        });
    }
}
