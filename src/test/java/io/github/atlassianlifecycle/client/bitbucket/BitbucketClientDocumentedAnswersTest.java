package io.github.atlassianlifecycle.client.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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

/**
 * The Bitbucket Data Center client reads every answer of the v9.6 REST reference's admin user calls as documented:
 * users and their pages, and each documented refusal as its status and kind, with the {@code exceptionName},
 * {@code message} and (for a validation error) the field its {@code context} names.
 */
class BitbucketClientDocumentedAnswersTest {

    private final ObjectMapper json = new ObjectMapper();

    @RegisterExtension
    static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forFamily("bitbucket");

    private BitbucketClient client() {
        return new BitbucketClient(atlassian.transport(),
                atlassian.endpoint(ApiFamily.BITBUCKET, Credential.bearer("http-access-token")));
    }

    @Test
    void a_page_of_users_reads_with_the_next_page_start() {
        JsonNode documented = atlassian.body("findUsers.200");

        BitbucketPage<BitbucketUser> page = atlassian.answered("findUsers.200", () -> client().findUsers("j", 0, 2));

        assertThat(atlassian.lastCall().query()).isEqualTo("filter=j&start=0&limit=2");
        assertThat(page.lastPage()).isEqualTo(documented.get("isLastPage").asBoolean());
        assertThat(page.nextPageStart()).isEqualTo(documented.get("nextPageStart").asInt());
        assertThat(page.start()).isEqualTo(documented.get("start").asInt());
        assertUsers(page.values(), documented.get("values"));
    }

    @Test
    void a_user_is_found_by_email_on_the_last_page() {
        JsonNode documented = atlassian.body("findUsers.200-last-page");
        JsonNode user = documented.get("values").get(0);

        BitbucketUser found = atlassian.answered("findUsers.200-last-page",
                () -> client().findUserByEmail(user.get("emailAddress").asText().toUpperCase())).orElseThrow();

        assertUser(found, user);
        assertBitbucketError(atlassian.refused("findUsers.401", () -> client().findUsers(null, 0, 25)), "findUsers.401");
    }

    @Test
    void the_groups_are_listed_and_a_group_s_members_read_as_users_active_or_not() {
        JsonNode groups = atlassian.body("findGroups.200");
        List<BitbucketGroup> found = atlassian.answered("findGroups.200", () -> client().findAllGroups());
        assertThat(atlassian.lastCall().query()).isEqualTo("start=0&limit=100");
        assertThat(found).extracting(BitbucketGroup::name).containsExactly(groups.get("values").get(0).get("name").asText());

        JsonNode members = atlassian.body("groupMembers.200");
        BitbucketPage<BitbucketUser> page = atlassian.answered("groupMembers.200",
                () -> client().groupMembers("group-a", 0, 25));
        assertThat(atlassian.lastCall().query()).isEqualTo("context=group-a&start=0&limit=25");
        assertThat(page.lastPage()).isTrue();
        assertUsers(page.values(), members.get("values"));
        assertThat(page.values().get(0).active()).isFalse();

        assertBitbucketError(atlassian.refused("findGroups.401", () -> client().findGroups(0, 25)), "findGroups.401");
        assertBitbucketError(atlassian.refused("groupMembers.401", () -> client().groupMembers("group-a", 0, 25)),
                "groupMembers.401");
    }

    @Test
    void creating_a_user_asks_bitbucket_to_mail_the_password_link_and_joins_the_default_group() {
        atlassian.answered("createUser.204", () -> client().createUser("jcitizen", "Jane Citizen", "jane@example.com"));

        assertThat(atlassian.lastCall().query()).contains("name=jcitizen").contains("displayName=Jane%20Citizen")
                .contains("emailAddress=jane%40example.com").contains("addToDefaultGroup=true").contains("notify=true")
                .doesNotContain("password");
        for (String name : List.of("createUser.400", "createUser.401", "createUser.403", "createUser.409")) {
            assertBitbucketError(atlassian.refused(name, () -> client().createUser("jcitizen", "Jane Citizen", "jane@example.com")),
                    name);
        }
    }

    @Test
    void a_delete_answers_the_deleted_user_and_an_unknown_user_counts_as_already_deleted() {
        JsonNode documented = atlassian.body("deleteUser.200");

        BitbucketUser deleted = atlassian.answered("deleteUser.200", () -> client().deleteUser("jcitizen"));

        assertThat(atlassian.lastCall().query()).isEqualTo("name=jcitizen");
        assertUser(deleted, documented);
        assertThat(atlassian.answered("deleteUser.404", () -> client().deleteUserIfPresent("jcitizen"))).isFalse();
        for (String name : List.of("deleteUser.400", "deleteUser.401", "deleteUser.403", "deleteUser.409")) {
            assertBitbucketError(atlassian.refused(name, () -> client().deleteUserIfPresent("jcitizen")), name);
        }
    }

    @Test
    void a_gone_delete_endpoint_is_an_incident_not_a_user_already_deleted() {
        atlassian.unavailableWhenGone("deleteUser.404", () -> client().deleteUserIfPresent("jcitizen"));
    }

    @Test
    void adding_to_groups_sends_the_user_and_the_groups_and_answers_200_without_a_body() throws Exception {
        atlassian.answered("addUserToGroups.200", () -> client().addToGroups("jcitizen", List.of("developers", "stash-users")));

        JsonNode sent = json.readTree(atlassian.lastCall().requestBody());
        assertThat(sent.get("user").asText()).isEqualTo("jcitizen");
        assertThat(sent.get("groups")).extracting(JsonNode::asText).containsExactly("developers", "stash-users");
        for (String name : List.of("addUserToGroups.401", "addUserToGroups.403", "addUserToGroups.404")) {
            assertBitbucketError(atlassian.refused(name, () -> client().addToGroups("jcitizen", List.of("developers"))), name);
        }
    }

    @Test
    void removing_from_a_group_names_the_user_as_context_and_the_group_as_item() throws Exception {
        atlassian.answered("removeUserFromGroup.200", () -> client().removeFromGroup("jcitizen", "developers"));

        JsonNode sent = json.readTree(atlassian.lastCall().requestBody());
        assertThat(sent.get("context").asText()).isEqualTo("jcitizen");
        assertThat(sent.get("itemName").asText()).isEqualTo("developers");
        for (String name : List.of("removeUserFromGroup.401", "removeUserFromGroup.403", "removeUserFromGroup.404")) {
            assertBitbucketError(atlassian.refused(name, () -> client().removeFromGroup("jcitizen", "developers")), name);
        }
    }

    private static void assertUsers(List<BitbucketUser> users, JsonNode documented) {
        assertThat(users).hasSize(documented.size());
        for (int i = 0; i < users.size(); i++) {
            assertUser(users.get(i), documented.get(i));
        }
    }

    private static void assertUser(BitbucketUser user, JsonNode documented) {
        assertThat(user.name()).isEqualTo(documented.get("name").asText());
        assertThat(user.emailAddress()).isEqualTo(documented.get("emailAddress").asText());
        assertThat(user.displayName()).isEqualTo(documented.get("displayName").asText());
        assertThat(user.active()).isEqualTo(documented.get("active").asBoolean());
        assertThat(user.id()).isEqualTo(documented.get("id").asLong());
        assertThat(user.slug()).isEqualTo(documented.get("slug").asText());
        assertThat(user.deletable()).isEqualTo(documented.get("deletable").asBoolean());
    }

    private void assertBitbucketError(AtlassianApiException refusal, String name) {
        JsonNode error = atlassian.body(name).get("errors").get(0);
        assertThat(refusal.family()).isEqualTo(ApiFamily.BITBUCKET);
        assertThat(refusal.errorKey()).as("%s: exceptionName", name).isEqualTo(error.get("exceptionName").isNull() ? null
                : error.get("exceptionName").asText());
        assertThat(refusal.detail()).as("%s: message", name).isEqualTo(error.get("message").asText());
        Map<String, String> fields = new LinkedHashMap<>();
        if (!error.get("context").isNull()) {
            fields.put(error.get("context").asText(), error.get("message").asText());
        }
        assertThat(refusal.fieldErrors()).as("%s: the field a validation error names", name).isEqualTo(fields);
    }
}
