package io.github.atlassianlifecycle.client.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The Jira client reads every answer of the Jira Cloud platform REST v3 reference as documented: users (their
 * account id, {@code active}, expanded groups), group ids and names, the offset pages, and each documented refusal
 * as its status and kind, with the {@code errorMessages} and {@code errors} of Jira's ErrorCollection.
 */
class JiraClientDocumentedAnswersTest {

    private static final String ACCOUNT = "5b10a2844c20165700ede21g";
    private static final String GROUP = "276f955c-63d7-42c8-9520-92d01dca0625";

    private final ObjectMapper json = new ObjectMapper();

    @RegisterExtension
    static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forFamily("jira");

    private JiraClient client() {
        return new JiraClient(atlassian.transport(),
                atlassian.endpoint(ApiFamily.JIRA, Credential.basic("admin@example.com", "token")));
    }

    // ---- Users

    @Test
    void a_user_reads_with_its_expanded_groups() {
        JsonNode documented = atlassian.body("getUser.200-expanded-groups");

        JiraUser user = atlassian.answered("getUser.200-expanded-groups", () -> client().user(ACCOUNT));

        assertThat(atlassian.lastCall().query()).contains("accountId=" + ACCOUNT).contains("expand=groups");
        assertUser(user, documented);
        assertGroups(user.groupList(), documented.at("/groups/items"));
        documented.at("/groups/items").forEach(group -> assertThat(user.isMemberOf(group.get("groupId").asText())).isTrue());
        assertThat(user.groups().size()).isEqualTo(documented.at("/groups/size").asInt());
    }

    @Test
    void a_user_whose_groups_came_back_as_a_count_only_has_no_group_list() {
        JiraUser user = atlassian.answered("getUser.200", () -> client().findUser(ACCOUNT)).orElseThrow();

        assertUser(user, atlassian.body("getUser.200"));
        assertThat(user.groupList()).isEmpty();
    }

    @Test
    void an_unknown_user_is_absent_and_other_refusals_stay_errors() {
        assertThat(atlassian.answered("getUser.404", () -> client().findUser(ACCOUNT))).isEmpty();
        for (String name : List.of("getUser.401", "getUser.403")) {
            assertJiraError(atlassian.refused(name, () -> client().findUser(ACCOUNT)), name);
        }
    }

    @Test
    void a_gone_user_endpoint_is_an_incident_not_a_user_unknown_to_jira() {
        atlassian.unavailableWhenGone("getUser.404", () -> client().findUser(ACCOUNT));
    }

    @Test
    void a_gone_delete_endpoint_is_an_incident_not_a_user_already_removed() {
        atlassian.unavailableWhenGone("deleteUser.404", () -> client().deleteUserIfPresent(ACCOUNT));
    }

    @Test
    void a_user_unknown_to_jira_is_in_no_group_but_a_gone_group_listing_is_an_incident() {
        assertThat(atlassian.answeredInTurn(List.of("userGroups.404"), () -> client().removeFromGroupIfPresent(GROUP, ACCOUNT)))
                .isFalse();
        atlassian.unavailableWhenGone("userGroups.404", () -> client().removeFromGroupIfPresent(GROUP, ACCOUNT));
        atlassian.unavailableWhenGone("userGroups.404", () -> client().addToGroupIfAbsent(GROUP, ACCOUNT));
    }

    @Test
    void a_created_user_reads_back_and_the_client_sent_the_email_and_products() throws Exception {
        JiraUser created = atlassian.answered("createUser.201",
                () -> client().createUser("mia@example.com", List.of(JiraClient.JIRA_SOFTWARE)));

        assertUser(created, atlassian.body("createUser.201"));
        JsonNode sent = json.readTree(atlassian.lastCall().requestBody());
        assertThat(sent.get("emailAddress").asText()).isEqualTo("mia@example.com");
        assertThat(sent.get("products")).extracting(JsonNode::asText).containsExactly(JiraClient.JIRA_SOFTWARE);
        for (String name : List.of("createUser.400", "createUser.401", "createUser.403")) {
            assertJiraError(atlassian.refused(name, () -> client().createUser("mia@example.com", List.of(JiraClient.JIRA_SOFTWARE))),
                    name);
        }
    }

    @Test
    void a_delete_answers_no_content_and_an_unknown_user_counts_as_already_removed() {
        assertThat(atlassian.answered("deleteUser.204", () -> client().deleteUserIfPresent(ACCOUNT))).isTrue();
        assertThat(atlassian.lastCall().query()).isEqualTo("accountId=" + ACCOUNT);
        assertThat(atlassian.answered("deleteUser.404", () -> client().deleteUserIfPresent(ACCOUNT))).isFalse();
        for (String name : List.of("deleteUser.400", "deleteUser.403")) {
            assertJiraError(atlassian.refused(name, () -> client().deleteUserIfPresent(ACCOUNT)), name);
        }
    }

    @Test
    void a_users_groups_read_with_their_ids_and_names() {
        List<JiraGroup> groups = atlassian.answered("userGroups.200", () -> client().userGroups(ACCOUNT));

        assertGroups(groups, atlassian.body("userGroups.200"));
        assertJiraError(atlassian.refused("userGroups.404", () -> client().userGroups(ACCOUNT)), "userGroups.404");
    }

    @Test
    void a_user_search_reads_a_bare_list_of_users() {
        JsonNode documented = atlassian.body("searchUsers.200");

        List<JiraUser> users = atlassian.answered("searchUsers.200", () -> client().searchUsers("mia", 0, 50));

        assertThat(atlassian.lastCall().query()).contains("query=mia").contains("startAt=0").contains("maxResults=50");
        assertThat(users).hasSize(documented.size());
        for (int i = 0; i < users.size(); i++) {
            assertUser(users.get(i), documented.get(i));
        }
        for (String name : List.of("searchUsers.400", "searchUsers.401")) {
            assertJiraError(atlassian.refused(name, () -> client().searchUsers("mia", 0, 50)), name);
        }
    }

    @Test
    void every_user_of_the_site_is_listed_by_offset_active_or_not() {
        JsonNode documented = atlassian.body("allUsers.200");

        List<JiraUser> users = atlassian.answered("allUsers.200", () -> client().allUsers(100, 100));

        assertThat(atlassian.lastCall().query()).contains("startAt=100").contains("maxResults=100");
        assertThat(users).hasSize(documented.size());
        for (int i = 0; i < users.size(); i++) {
            assertUser(users.get(i), documented.get(i));
        }
        assertThat(users).extracting(JiraUser::active).containsExactly(false, true);
        for (String name : List.of("allUsers.400", "allUsers.403")) {
            assertJiraError(atlassian.refused(name, () -> client().allUsers(0, 100)), name);
        }
    }

    @Test
    void a_rate_limited_search_is_transient_and_says_when_to_try_again() {
        Instant before = Instant.now();

        AtlassianApiException limited = atlassian.refused("searchUsers.429", () -> client().searchUsers("mia", 0, 50));

        long seconds = Long.parseLong(atlassian.documented("searchUsers.429").headers().get("Retry-After"));
        assertThat(limited.isTransient()).isTrue();
        assertThat(limited.isRateLimited()).isTrue();
        assertThat(limited.retryAt()).hasValueSatisfying(at -> assertThat(at)
                .isBetween(before.plusSeconds(seconds).minusSeconds(1), Instant.now().plus(Duration.ofSeconds(seconds + 1))));
    }

    // ---- Groups

    @Test
    void adding_to_a_group_sends_the_account_in_the_body_and_the_group_in_the_query() throws Exception {
        atlassian.answered("addUserToGroup.201", () -> client().addToGroup(GROUP, ACCOUNT));

        assertThat(atlassian.lastCall().query()).isEqualTo("groupId=" + GROUP);
        assertThat(json.readTree(atlassian.lastCall().requestBody()).get("accountId").asText()).isEqualTo(ACCOUNT);
        for (String name : List.of("addUserToGroup.400", "addUserToGroup.401", "addUserToGroup.403",
                "addUserToGroup.404")) {
            assertJiraError(atlassian.refused(name, () -> client().addToGroup(GROUP, ACCOUNT)), name);
        }
    }

    @Test
    void add_if_absent_reads_the_users_groups_first_and_adds_only_a_non_member() {
        String member = atlassian.body("userGroups.200").get(0).get("groupId").asText();
        String other = atlassian.body("getUser.200-expanded-groups").at("/groups/items/0/groupId").asText() + "-other";

        assertThat(atlassian.answeredInTurn(List.of("userGroups.200"), () -> client().addToGroupIfAbsent(member, ACCOUNT)))
                .isFalse();
        assertThat(atlassian.answeredInTurn(List.of("userGroups.200", "addUserToGroup.201"),
                () -> client().addToGroupIfAbsent(other, ACCOUNT))).isTrue();
    }

    @Test
    void removing_from_a_group_answers_200_without_a_body() {
        String member = atlassian.body("userGroups.200").get(0).get("groupId").asText();

        atlassian.answered("removeUserFromGroup.200", () -> client().removeFromGroup(member, ACCOUNT));

        assertThat(atlassian.lastCall().query()).isEqualTo("groupId=" + member + "&accountId=" + ACCOUNT);
        assertThat(atlassian.answeredInTurn(List.of("userGroups.200", "removeUserFromGroup.200"),
                () -> client().removeFromGroupIfPresent(member, ACCOUNT))).isTrue();
        for (String name : List.of("removeUserFromGroup.400", "removeUserFromGroup.403", "removeUserFromGroup.404")) {
            assertJiraError(atlassian.refused(name, () -> client().removeFromGroup(member, ACCOUNT)), name);
        }
    }

    @Test
    void a_page_of_group_members_gives_the_next_offset_from_what_it_holds() {
        JsonNode documented = atlassian.body("groupMembers.200");

        JiraPage<JiraUser> page = atlassian.answered("groupMembers.200", () -> client().groupMembers(GROUP, false, 2, 2));

        assertThat(atlassian.lastCall().query()).contains("groupId=" + GROUP).contains("includeInactiveUsers=false")
                .contains("startAt=2").contains("maxResults=2");
        assertThat(page.startAt()).isEqualTo(documented.get("startAt").asInt());
        assertThat(page.last()).isEqualTo(documented.get("isLast").asBoolean());
        assertThat(page.total()).isEqualTo(documented.get("total").asLong());
        assertThat(page.values()).hasSize(documented.get("values").size());
        for (int i = 0; i < page.values().size(); i++) {
            assertUser(page.values().get(i), documented.get("values").get(i));
        }
        assertThat(page.nextStartAt()).isEqualTo(documented.get("startAt").asInt() + documented.get("values").size());
        for (String name : List.of("groupMembers.400", "groupMembers.403", "groupMembers.404")) {
            assertJiraError(atlassian.refused(name, () -> client().groupMembers(GROUP, false, 0, 50)), name);
        }
    }

    @Test
    void groups_are_found_by_name_with_their_ids() {
        JsonNode documented = atlassian.body("findGroups.200");
        JsonNode first = documented.get("values").get(0);

        String id = atlassian.answered("findGroups.200", () -> client().groupIdByName(first.get("name").asText().toUpperCase()))
                .orElseThrow();

        assertThat(id).isEqualTo(first.get("groupId").asText());
        assertThat(atlassian.lastCall().query()).contains("groupName=" + first.get("name").asText().toUpperCase());
        JiraPage<JiraGroup> page = atlassian.answered("findGroups.200", () -> client().groups(List.of(), 0, 10));
        assertThat(page.last()).isEqualTo(documented.get("isLast").asBoolean());
        assertGroups(page.values(), documented.get("values"));
        for (String name : List.of("findGroups.400", "findGroups.401", "findGroups.403")) {
            assertJiraError(atlassian.refused(name, () -> client().groups(List.of(), 0, 10)), name);
        }
    }

    // ---- What the documented bodies say

    private static void assertUser(JiraUser user, JsonNode documented) {
        assertThat(user.accountId()).isEqualTo(documented.get("accountId").asText());
        assertThat(user.active()).isEqualTo(documented.get("active").asBoolean());
        assertThat(user.accountType()).isEqualTo(documented.path("accountType").asText(null));
        assertThat(user.displayName()).isEqualTo(documented.path("displayName").asText(null));
        assertThat(user.emailAddress()).isEqualTo(documented.path("emailAddress").asText(null));
    }

    private static void assertGroups(List<JiraGroup> groups, JsonNode documented) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        documented.forEach(group -> {
            ids.add(group.get("groupId").asText());
            names.add(group.get("name").asText());
        });
        assertThat(groups).extracting(JiraGroup::groupId).containsExactlyElementsOf(ids);
        assertThat(groups).extracting(JiraGroup::name).containsExactlyElementsOf(names);
    }

    private void assertJiraError(AtlassianApiException refusal, String name) {
        JsonNode documented = atlassian.body(name);
        Map<String, String> fields = new LinkedHashMap<>();
        documented.get("errors").properties().forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
        List<String> parts = new ArrayList<>();
        documented.get("errorMessages").forEach(message -> parts.add(message.asText()));
        fields.forEach((field, message) -> parts.add(field + ": " + message));
        assertThat(refusal.family()).isEqualTo(ApiFamily.JIRA);
        assertThat(refusal.fieldErrors()).as("%s: errors", name).isEqualTo(fields);
        assertThat(refusal.detail()).as("%s: errorMessages", name).isEqualTo(String.join("; ", parts));
    }
}
