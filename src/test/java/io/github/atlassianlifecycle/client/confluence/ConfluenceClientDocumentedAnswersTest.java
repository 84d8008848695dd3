package io.github.atlassianlifecycle.client.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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
 * The Confluence client reads every answer of the Confluence Cloud REST v1 reference as documented: group ids and
 * names, members, the pages with their {@code _links.next}, and each documented refusal as its status and kind, with
 * the message of Confluence's error body.
 */
class ConfluenceClientDocumentedAnswersTest {

    private static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";
    private static final String GROUP = "276f955c-63d7-42c8-9520-92d01dca0625";

    private final ObjectMapper json = new ObjectMapper();

    @RegisterExtension
    static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forFamily("confluence");

    private ConfluenceClient client() {
        return new ConfluenceClient(atlassian.transport(),
                atlassian.endpoint(ApiFamily.CONFLUENCE, Credential.basic("admin@example.com", "token")));
    }

    @Test
    void adding_a_member_sends_the_account_in_the_body_and_the_group_in_the_query() throws Exception {
        atlassian.answered("addMember.201", () -> client().addMember(GROUP, ACCOUNT));

        assertThat(atlassian.lastCall().query()).isEqualTo("groupId=" + GROUP);
        assertThat(json.readTree(atlassian.lastCall().requestBody()).get("accountId").asText()).isEqualTo(ACCOUNT);
        for (String name : List.of("addMember.400", "addMember.401", "addMember.403", "addMember.404")) {
            assertConfluenceError(atlassian.refused(name, () -> client().addMember(GROUP, ACCOUNT)), name);
        }
    }

    @Test
    void removing_a_member_or_a_non_member_answers_no_content() {
        atlassian.answered("removeMember.204", () -> client().removeMember(GROUP, ACCOUNT));
        assertThat(atlassian.lastCall().query()).isEqualTo("groupId=" + GROUP + "&accountId=" + ACCOUNT);
        atlassian.answered("removeMember.204-not-a-member", () -> client().removeMember(GROUP, ACCOUNT));
        for (String name : List.of("removeMember.400", "removeMember.401", "removeMember.403", "removeMember.404")) {
            assertConfluenceError(atlassian.refused(name, () -> client().removeMember(GROUP, ACCOUNT)), name);
        }
    }

    @Test
    void a_page_of_members_reads_with_its_accounts_and_the_next_start() {
        JsonNode documented = atlassian.body("groupMembers.200");

        ConfluencePage<ConfluenceUser> page = atlassian.answered("groupMembers.200", () -> client().members(GROUP, 0, 200));

        assertThat(atlassian.lastCall().query()).isEqualTo("start=0&limit=200");
        assertPage(page, documented);
        for (int i = 0; i < page.results().size(); i++) {
            JsonNode user = documented.get("results").get(i);
            assertThat(page.results().get(i).accountId()).isEqualTo(user.get("accountId").asText());
            assertThat(page.results().get(i).email()).isEqualTo(user.get("email").asText());
            assertThat(page.results().get(i).displayName()).isEqualTo(user.get("displayName").asText());
        }
        for (String name : List.of("groupMembers.400", "groupMembers.403")) {
            assertConfluenceError(atlassian.refused(name, () -> client().members(GROUP, 0, 200)), name);
        }
    }

    @Test
    void a_page_of_groups_reads_with_ids_names_and_a_link_to_the_next() {
        JsonNode documented = atlassian.body("groups.200");

        ConfluencePage<ConfluenceGroup> page = atlassian.answered("groups.200", () -> client().groups(0, 2));

        assertThat(atlassian.lastCall().query()).isEqualTo("start=0&limit=2");
        assertPage(page, documented);
        assertGroups(page.results(), documented.get("results"));
        assertConfluenceError(atlassian.refused("groups.403", () -> client().groups(0, 2)), "groups.403");
    }

    @Test
    void the_groups_of_a_user_read_from_its_one_page() {
        JsonNode documented = atlassian.body("memberOf.200");

        List<ConfluenceGroup> groups = atlassian.answered("memberOf.200", () -> client().allGroupsOf(ACCOUNT));

        assertThat(atlassian.lastCall().query()).isEqualTo("accountId=" + ACCOUNT + "&start=0&limit=" + ConfluenceClient.PAGE_LIMIT);
        assertGroups(groups, documented.get("results"));
        assertConfluenceError(atlassian.refused("memberOf.403", () -> client().allGroupsOf(ACCOUNT)), "memberOf.403");
    }

    /**
     * The reference documents no 404 for memberof; an account Confluence does not know may still answer one, in the
     * error shape the reference gives every Confluence error (served here from a documented 404 of the family).
     */
    @Test
    void an_unknown_account_in_no_group_reads_as_empty_but_a_gone_memberof_is_an_incident() {
        DocumentedAnswer notFound = atlassian.documented("memberOf.200").answeredWith(404, "application/json",
                atlassian.body("removeMember.404"));

        assertThat(atlassian.answered(notFound, "memberOf.200", () -> client().allGroupsOf(ACCOUNT))).isEmpty();
        atlassian.unavailableWhenGone("memberOf.200", () -> client().allGroupsOf(ACCOUNT));
    }

    private static void assertPage(ConfluencePage<?> page, JsonNode documented) {
        assertThat(page.start()).isEqualTo(documented.get("start").asInt());
        assertThat(page.limit()).isEqualTo(documented.get("limit").asInt());
        assertThat(page.size()).isEqualTo(documented.get("size").asInt());
        assertThat(page.results()).hasSize(documented.get("results").size());
        assertThat(page.hasNext()).isEqualTo(documented.at("/_links/next").isTextual());
        assertThat(page.nextStart()).isEqualTo(documented.get("start").asInt() + documented.get("results").size());
    }

    private static void assertGroups(List<ConfluenceGroup> groups, JsonNode documented) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        documented.forEach(group -> {
            ids.add(group.get("id").asText());
            names.add(group.get("name").asText());
        });
        assertThat(groups).extracting(ConfluenceGroup::id).containsExactlyElementsOf(ids);
        assertThat(groups).extracting(ConfluenceGroup::name).containsExactlyElementsOf(names);
    }

    private void assertConfluenceError(AtlassianApiException refusal, String name) {
        assertThat(refusal.family()).isEqualTo(ApiFamily.CONFLUENCE);
        assertThat(refusal.detail()).as("%s: message", name).isEqualTo(atlassian.body(name).get("message").asText());
    }
}
