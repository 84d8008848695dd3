package io.github.atlassianlifecycle.client.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.reference.DocumentedAnswerStub;
import io.github.atlassianlifecycle.reference.DocumentedAnswer;

/**
 * The SCIM client reads every answer Atlassian's user provisioning reference documents as documented: the fields the
 * lifecycle reads (the SCIM id, {@code active}, {@code userName}, {@code externalId}, the linked account, paging)
 * come out as the documented body has them, and every documented refusal becomes the status, kind and
 * {@code scimType} it documents.
 */
class ScimClientDocumentedAnswersTest {

    private static final String DIRECTORY = "2fb21891-7bee-4c2d-a61a-ade3834c8b2b";
    private static final String USER_ID = "f0ae48f7-1466-445e-85ea-e83ef754aefd";
    private static final String GROUP_ID = "50202593-bc47-45df-8fa0-3f63343aa3c1";

    private final ObjectMapper json = new ObjectMapper();

    @RegisterExtension
    static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forFamily("scim");

    private ScimClient client() {
        return new ScimClient(atlassian.transport(),
                atlassian.endpoint(ApiFamily.SCIM, Credential.bearer("scim-key")), DIRECTORY);
    }

    // ---- Users

    @Test
    void a_user_reads_with_its_id_state_keys_email_and_linked_account() {
        ScimUser user = atlassian.answered("getUser.200", () -> client().getUser(USER_ID));

        assertUser(user, atlassian.body("getUser.200"));
        JsonNode group = atlassian.body("getUser.200").get("groups").get(0);
        assertThat(user.groups()).singleElement().satisfies(ref -> {
            assertThat(ref.value()).isEqualTo(group.get("value").asText());
            assertThat(ref.display()).isEqualTo(group.get("display").asText());
            assertThat(ref.type()).isEqualTo(group.get("type").asText());
            assertThat(ref.ref()).isEqualTo(group.get("$ref").asText());
        });
    }

    @Test
    void a_user_read_with_selected_attributes_holds_only_those_and_reads_as_active() {
        JsonNode documented = atlassian.body("getUser.200-attributes");

        ScimUser user = atlassian.answered("getUser.200-attributes", () -> client().getUser(USER_ID, List.of("userName")));

        assertThat(atlassian.lastCall().query()).isEqualTo("attributes=userName");
        assertThat(user.id()).isEqualTo(documented.get("id").asText());
        assertThat(user.userName()).isEqualTo(documented.get("userName").asText());
        assertThat(user.primaryEmail()).isNull();
        assertThat(user.isDeactivated()).isFalse();
        assertThat(user.atlassianAccountId()).isNull();
    }

    @Test
    void unknown_ids_and_a_wrong_key_are_refused_as_documented() {
        assertScimError(atlassian.refused("getUser.404", () -> client().getUser(USER_ID)), "getUser.404");
        assertScimError(atlassian.refused("getUser.401", () -> client().getUser(USER_ID)), "getUser.401");
        assertScimError(atlassian.refused("replaceUser.404", () -> client().replaceUser(USER_ID,
                ScimUser.builder("lingbo.lu@demotime.authteam.com").email("lingbo.lu@demotime.authteam.com").build())),
                "replaceUser.404");
        assertScimError(atlassian.refused("patchUser.404", () -> client().setActive(USER_ID, false)), "patchUser.404");
    }

    @Test
    void a_page_of_users_reads_with_its_totals_and_the_next_start_index() {
        JsonNode documented = atlassian.body("listUsers.200");

        ListResponse<ScimUser> page = atlassian.answered("listUsers.200", () -> client().listUsers(1, 2));

        assertThat(atlassian.lastCall().query()).contains("startIndex=1").contains("count=2");
        assertThat(page.totalResults()).isEqualTo(documented.get("totalResults").asInt());
        assertThat(page.startIndex()).isEqualTo(documented.get("startIndex").asInt());
        assertThat(page.itemsPerPage()).isEqualTo(documented.get("itemsPerPage").asInt());
        assertThat(page.resources()).hasSize(documented.get("Resources").size());
        for (int i = 0; i < page.resources().size(); i++) {
            assertUser(page.resources().get(i), documented.get("Resources").get(i));
        }
        assertThat(page.hasMore()).isEqualTo(page.resources().size() < documented.get("totalResults").asInt());
        assertThat(page.nextStartIndex()).isEqualTo(1 + documented.get("Resources").size());
    }

    @Test
    void a_filter_matching_nobody_reads_as_not_found() {
        assertThat(atlassian.answered("listUsers.200-empty", () -> client().findUserByUserName("nobody@demotime.authteam.com")))
                .isEmpty();
        assertThat(atlassian.lastCall().query()).contains("filter=userName%20eq%20%22nobody%40demotime.authteam.com%22");
    }

    @Test
    void a_filter_the_directory_does_not_support_is_refused_with_invalid_filter() {
        // The client only ever filters with one eq on userName or externalId; the documented refusal of any other
        // filter is fed to such a call, so what the client makes of an invalidFilter answer is known too.
        DocumentedAnswer documented = atlassian.documented("listUsers.400-invalid-filter");
        DocumentedAnswer onTheClientsOwnFilter = new DocumentedAnswer(documented.file(), documented.family(),
                documented.documentation(), documented.operation(), documented.method(),
                "/scim/directory/{directoryId}/Users", documented.status(), documented.contentType(),
                documented.headers(), documented.body(), documented.schema(), documented.distinguishedBy(),
                documented.note());

        AtlassianApiException refusal = atlassian.refused(onTheClientsOwnFilter, documented.name(),
                () -> client().findUserByExternalId("00u1a2b3c4d5e6f7g8h9"));

        assertScimError(refusal, documented.name());
        assertScimError(atlassian.refused("listUsers.401", () -> client().listUsers(1, 2)), "listUsers.401");
    }

    @Test
    void a_created_user_reads_back_and_the_client_sent_only_writable_attributes() throws Exception {
        ScimUser created = atlassian.answered("createUser.201", () -> client().createUser(
                ScimUser.builder("joanna@demotime.authteam.com").email("joanna@demotime.authteam.com")
                        .externalId("00u9z8y7x6w5v4u3t2s1").name("Joanna", "Smith").displayName("Joanna Smith")
                        .build()));

        assertUser(created, atlassian.body("createUser.201"));
        JsonNode sent = json.readTree(atlassian.lastCall().requestBody());
        assertThat(sent.get("schemas")).extracting(JsonNode::asText).containsExactly(ScimUser.SCHEMA);
        assertThat(sent.get("userName").asText()).isEqualTo("joanna@demotime.authteam.com");
        assertThat(sent.has("id") || sent.has("groups") || sent.has("meta") || sent.has(ScimUser.ATLASSIAN_EXTENSION))
                .as("read-only attributes sent").isFalse();
    }

    @Test
    void a_create_is_refused_for_a_taken_key_an_unverified_domain_and_a_wrong_key() {
        for (String name : List.of("createUser.409", "createUser.400-unverified-domain", "createUser.401")) {
            assertScimError(atlassian.refused(name, () -> client().createUser(
                    ScimUser.builder("someone@example.org").email("someone@example.org").build())), name);
        }
    }

    @Test
    void a_replaced_user_reads_back_without_the_attributes_it_left_out() {
        ScimUser replaced = atlassian.answered("replaceUser.200", () -> client().replaceUser(USER_ID,
                ScimUser.builder("lingbo.lu@demotime.authteam.com").email("lingbo.lu@demotime.authteam.com")
                        .title("Senior Engineer").build()));

        assertUser(replaced, atlassian.body("replaceUser.200"));
        assertThat(replaced.title()).isEqualTo(atlassian.body("replaceUser.200").get("title").asText());
        assertThat(replaced.department()).isNull();
    }

    @Test
    void a_deactivation_is_a_patch_op_and_reads_back_the_deactivated_user() throws Exception {
        ScimUser patched = atlassian.answered("patchUser.200", () -> client().setActive(USER_ID, false));

        assertUser(patched, atlassian.body("patchUser.200"));
        assertThat(patched.isDeactivated()).isTrue();
        JsonNode sent = json.readTree(atlassian.lastCall().requestBody());
        assertThat(sent.get("schemas")).extracting(JsonNode::asText).containsExactly(ScimPatch.SCHEMA);
        assertThat(sent.get("Operations")).singleElement().satisfies(operation -> {
            assertThat(operation.get("op").asText()).isEqualTo("replace");
            assertThat(operation.get("path").asText()).isEqualTo("active");
            assertThat(operation.get("value").asBoolean(true)).isFalse();
        });
    }

    @Test
    void a_patch_is_refused_for_an_unknown_path_and_for_a_body_without_the_patch_op_schema() throws Exception {
        assertScimError(atlassian.refused("patchUser.400-invalid-path",
                () -> client().replaceAttributes(USER_ID, Map.of("nonexistent", "x"))), "patchUser.400-invalid-path");

        assertScimError(atlassian.refused("patchUser.400-missing-patchop-schema", () -> client().setActive(USER_ID, true)),
                "patchUser.400-missing-patchop-schema");
        // The client itself always names the schema, so this refusal points at something between it and Atlassian.
        assertThat(json.readTree(atlassian.lastCall().requestBody()).get("schemas")).extracting(JsonNode::asText)
                .containsExactly(ScimPatch.SCHEMA);
    }

    @Test
    void a_delete_answers_no_content_and_a_dead_id_counts_as_already_deleted() {
        assertThat(atlassian.answered("deleteUser.204", () -> client().deleteUserIfPresent(USER_ID))).isTrue();
        assertThat(atlassian.answered("deleteUser.404", () -> client().deleteUserIfPresent(USER_ID))).isFalse();
    }

    @Test
    void a_gone_delete_endpoint_is_an_incident_not_a_user_already_deleted() {
        atlassian.unavailableWhenGone("deleteUser.404", () -> client().deleteUserIfPresent(USER_ID));
    }

    // ---- Groups

    @Test
    void a_created_group_reads_with_its_id_and_name() {
        ScimGroup created = atlassian.answered("createGroup.201", () -> client().createGroup("demotime-confluence-users"));

        assertGroup(created, atlassian.body("createGroup.201"));
        assertScimError(atlassian.refused("createGroup.409", () -> client().createGroup("demotime-confluence-users")),
                "createGroup.409");
    }

    @Test
    void a_group_reads_with_its_members() {
        assertGroup(atlassian.answered("getGroup.200", () -> client().getGroup(GROUP_ID)), atlassian.body("getGroup.200"));
        assertScimError(atlassian.refused("getGroup.404", () -> client().getGroup(GROUP_ID)), "getGroup.404");
    }

    @Test
    void groups_are_found_by_display_name() {
        JsonNode documented = atlassian.body("listGroups.200").get("Resources").get(0);

        ScimGroup found = atlassian.answered("listGroups.200",
                () -> client().findGroupByDisplayName(documented.get("displayName").asText())).orElseThrow();

        assertGroup(found, documented);
        assertThat(atlassian.lastCall().query()).contains("filter=displayName%20eq%20");
    }

    @Test
    void members_are_added_with_a_patch_op_naming_their_ids() throws Exception {
        JsonNode members = atlassian.body("patchGroup.200").get("members");
        List<String> ids = new ArrayList<>();
        members.forEach(member -> ids.add(member.get("value").asText()));

        atlassian.answered("patchGroup.200", () -> client().addGroupMembers(GROUP_ID, ids));

        JsonNode sent = json.readTree(atlassian.lastCall().requestBody());
        assertThat(sent.get("schemas")).extracting(JsonNode::asText).containsExactly(ScimPatch.SCHEMA);
        JsonNode operation = sent.get("Operations").get(0);
        assertThat(operation.get("op").asText()).isEqualTo("add");
        assertThat(operation.get("path").asText()).isEqualTo("members");
        assertThat(operation.get("value")).extracting(member -> member.get("value").asText())
                .containsExactlyElementsOf(ids);
    }

    @Test
    void a_group_patch_is_refused_for_a_rename_and_an_unknown_group() {
        // The client never renames a group; the documented refusal is what any of its group patches would get if
        // the directory took it for one.
        assertScimError(atlassian.refused("patchGroup.400-rename", () -> client().removeGroupMembers(GROUP_ID, List.of(USER_ID))),
                "patchGroup.400-rename");
        assertScimError(atlassian.refused("patchGroup.404", () -> client().addGroupMembers(GROUP_ID, List.of(USER_ID))),
                "patchGroup.404");
    }

    @Test
    void a_group_delete_answers_no_content_and_an_unknown_group_404() {
        atlassian.answered("deleteGroup.204", () -> client().deleteGroup(GROUP_ID));
        assertScimError(atlassian.refused("deleteGroup.404", () -> client().deleteGroup(GROUP_ID)), "deleteGroup.404");
    }

    // ---- Discovery

    @Test
    void the_service_provider_config_reads_what_the_directory_supports() {
        JsonNode documented = atlassian.body("serviceProviderConfig.200");

        ScimServiceProviderConfig config = atlassian.answered("serviceProviderConfig.200", () -> client().serviceProviderConfig());

        assertThat(config.patchSupported()).isEqualTo(documented.at("/patch/supported").asBoolean());
        assertThat(config.sortSupported()).isEqualTo(documented.at("/sort/supported").asBoolean());
        assertThat(config.maxResults()).isEqualTo(documented.at("/filter/maxResults").asInt());
        assertThat(config.authenticationSchemes()).extracting(ScimServiceProviderConfig.AuthenticationScheme::type)
                .containsExactly(documented.at("/authenticationSchemes/0/type").asText());
        assertScimError(atlassian.refused("serviceProviderConfig.401", () -> client().serviceProviderConfig()),
                "serviceProviderConfig.401");
    }

    @Test
    void the_schemas_read_with_their_attributes() {
        JsonNode documented = atlassian.body("schemas.200").get("Resources");

        List<ScimSchema> schemas = atlassian.answered("schemas.200", () -> client().schemas());

        assertThat(schemas).hasSize(documented.size());
        for (int i = 0; i < schemas.size(); i++) {
            assertSchema(schemas.get(i), documented.get(i));
        }
    }

    @Test
    void each_documented_schema_reads_by_its_urn() {
        for (String name : List.of("schema.200-user", "schema.200-group", "schema.200-enterprise-user")) {
            JsonNode documented = atlassian.body(name);
            ScimSchema schema = atlassian.answered(name, () -> client().schema(documented.get("id").asText()));
            assertSchema(schema, documented);
        }
    }

    @Test
    void the_resource_types_read_with_their_endpoints_schemas_and_extensions() {
        JsonNode documented = atlassian.body("resourceTypes.200").get("Resources");

        List<ScimResourceType> types = atlassian.answered("resourceTypes.200", () -> client().resourceTypes());

        assertThat(types).hasSize(documented.size());
        for (int i = 0; i < types.size(); i++) {
            assertResourceType(types.get(i), documented.get(i));
        }
        for (String name : List.of("resourceType.200-user", "resourceType.200-group")) {
            JsonNode one = atlassian.body(name);
            assertResourceType(atlassian.answered(name, () -> client().resourceType(one.get("name").asText())), one);
        }
    }

    // ---- What the documented bodies say, read field by field

    private static void assertResourceType(ScimResourceType type, JsonNode documented) {
        assertThat(type.name()).isEqualTo(documented.get("name").asText());
        assertThat(type.endpoint()).isEqualTo(documented.get("endpoint").asText());
        assertThat(type.schema()).isEqualTo(documented.get("schema").asText());
        List<String> extensions = new ArrayList<>();
        documented.path("schemaExtensions").forEach(extension -> extensions.add(extension.get("schema").asText()));
        assertThat(type.schemaExtensions()).extracting(ScimResourceType.SchemaExtension::schema)
                .containsExactlyElementsOf(extensions);
    }


    private static void assertUser(ScimUser user, JsonNode documented) {
        assertThat(user.id()).isEqualTo(documented.get("id").asText());
        assertThat(user.userName()).isEqualTo(documented.get("userName").asText());
        assertThat(user.externalId()).isEqualTo(text(documented, "externalId"));
        assertThat(user.isDeactivated()).isEqualTo(!documented.path("active").asBoolean(true));
        assertThat(user.displayName()).isEqualTo(text(documented, "displayName"));
        assertThat(user.primaryEmail()).isEqualTo(documented.at("/emails/0/value").asText());
        assertThat(user.atlassianAccountId())
                .isEqualTo(documented.path(ScimUser.ATLASSIAN_EXTENSION).path("atlassianAccountId").asText());
        assertThat(user.meta().resourceType()).isEqualTo(documented.at("/meta/resourceType").asText());
        assertThat(user.meta().location()).isEqualTo(documented.at("/meta/location").asText());
        assertThat(user.meta().createdAt()).isNotNull();
    }

    private static void assertGroup(ScimGroup group, JsonNode documented) {
        assertThat(group.id()).isEqualTo(documented.get("id").asText());
        assertThat(group.displayName()).isEqualTo(documented.get("displayName").asText());
        List<String> memberIds = new ArrayList<>();
        documented.path("members").forEach(member -> memberIds.add(member.get("value").asText()));
        assertThat(group.memberList()).extracting(ScimGroup.Member::value).containsExactlyElementsOf(memberIds);
        for (int i = 0; i < memberIds.size(); i++) {
            assertThat(group.memberList().get(i).type()).isEqualTo(documented.get("members").get(i).get("type").asText());
            assertThat(group.memberList().get(i).ref()).isEqualTo(documented.get("members").get(i).get("$ref").asText());
        }
        memberIds.forEach(id -> assertThat(group.hasMember(id)).isTrue());
        assertThat(group.meta().resourceType()).isEqualTo(documented.at("/meta/resourceType").asText());
    }

    private static void assertSchema(ScimSchema schema, JsonNode documented) {
        assertThat(schema.id()).isEqualTo(documented.get("id").asText());
        assertThat(schema.name()).isEqualTo(documented.get("name").asText());
        assertThat(schema.attributes()).hasSize(documented.get("attributes").size());
        for (JsonNode attribute : documented.get("attributes")) {
            ScimSchema.Attribute read = schema.attribute(attribute.get("name").asText());
            assertThat(read).as("attribute %s", attribute.get("name")).isNotNull();
            assertThat(read.required()).isEqualTo(attribute.path("required").asBoolean());
            assertThat(read.mutability()).isEqualTo(attribute.get("mutability").asText());
            assertThat(read.subAttributes()).hasSize(attribute.path("subAttributes").size());
        }
    }

    private void assertScimError(AtlassianApiException refusal, String name) {
        JsonNode documented = atlassian.body(name);
        assertThat(refusal.errorKey()).as("%s: scimType", name).isEqualTo(text(documented, "scimType"));
        assertThat(refusal.detail()).as("%s: detail", name).isEqualTo(documented.get("detail").asText());
        assertThat(refusal.family()).isEqualTo(ApiFamily.SCIM);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
