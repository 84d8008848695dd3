package io.github.atlassianlifecycle.client.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Request bodies refuse what the API would refuse and send only what was set; answers read leniently. */
class OrganizationsBodiesTest {

    final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void a_search_by_term_and_emails_at_once_is_refused_before_any_call() {
        assertThatThrownBy(() -> new UserSearch(null, null, null, List.of("ada@demo.example"), "ada", null, null,
                null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("searchTerm and emails");
        assertThat(UserSearch.bySearchTerm("ada").emails()).isEmpty();
    }

    @Test
    void page_sizes_outside_1_to_100_are_refused() {
        assertThatThrownBy(() -> UserSearch.all().withLimit(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupSearch.all().withLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(UserSearch.all().withLimit(100).limit()).isEqualTo(100);
    }

    @Test
    void a_search_body_holds_only_what_was_set() throws Exception {
        String body = json.writeValueAsString(UserSearch.byEmails("ada@demo.example")
                .withExpand(UserSearch.Expand.GROUPS, UserSearch.Expand.PRODUCT_ACCESS).withLimit(5));
        assertThat(json.readTree(body)).isEqualTo(json.readTree(
                "{\"limit\":5,\"emails\":[\"ada@demo.example\"],\"expand\":[\"groups\",\"productAccess\"]}"));
        assertThat(json.writeValueAsString(GroupSearch.byNames("finance"))).isEqualTo("{\"groupNames\":[\"finance\"]}");
    }

    @Test
    void a_search_sends_the_filters_of_the_deprecated_listing_under_their_documented_names() throws Exception {
        String body = json.writeValueAsString(UserSearch.all().withStatus("active").withAccountStatus("inactive")
                .withMembershipStatus("suspended").withClaimStatus("managed").withEmailDomains("acme.example"));
        // claimStatus is one value in the search body, not a list as in the GET listing's query.
        assertThat(json.readTree(body)).isEqualTo(json.readTree("{\"status\":[\"active\"],"
                + "\"accountStatus\":[\"inactive\"],\"membershipStatus\":[\"suspended\"],"
                + "\"claimStatus\":\"managed\",\"emailDomains\":[\"acme.example\"]}"));
        assertThatThrownBy(() -> UserSearch.all().withClaimStatus("claimed"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_invitation_needs_an_email() {
        assertThatThrownBy(() -> Invitation.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Invitation.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_invitation_body_uses_the_documented_field_names() throws Exception {
        String body = json.writeValueAsString(Invitation.of("new@demo.example").withGroups("g1")
                .withNotification("Welcome"));
        assertThat(json.readTree(body)).isEqualTo(json.readTree("{\"emails\":[\"new@demo.example\"],"
                + "\"additionalGroups\":[\"g1\"],\"sendNotification\":true,\"notificationText\":\"Welcome\"}"));
    }

    @Test
    void last_active_dates_read_the_v1_snake_case_shape() throws Exception {
        LastActiveDates.Envelope envelope = json.readValue("""
                {"data":{"product_access":[
                   {"id":"c1","key":"jira-software","last_active":"2026-03-01","last_active_timestamp":"2026-03-01T10:15:00Z"},
                   {"id":"c1","key":"confluence","last_active":"2026-03-04"}],
                 "added_to_org":"2024-01-02"},"links":{}}
                """, LastActiveDates.Envelope.class);
        LastActiveDates dates = envelope.data();
        assertThat(dates.productAccess()).extracting(LastActiveDates.ProductLastActive::key)
                .containsExactly("jira-software", "confluence");
        assertThat(dates.addedToOrg()).hasToString("2024-01-02");
        assertThat(dates.lastActiveAnywhere()).hasValueSatisfying(i -> assertThat(i).hasToString("2026-03-04T00:00:00Z"));
        assertThat(new LastActiveDates(null, null, null).neverActive()).isTrue();
    }

    @Test
    void a_deactivation_date_is_read_as_an_instant_or_a_day() throws Exception {
        assertThat(user("\"2026-02-03T04:05:06Z\"").deactivatedAt()).hasValueSatisfying(
                i -> assertThat(i).hasToString("2026-02-03T04:05:06Z"));
        assertThat(user("\"2026-02-03\"").deactivatedAt()).hasValueSatisfying(
                i -> assertThat(i).hasToString("2026-02-03T00:00:00Z"));
        assertThat(user("null").deactivatedAt()).isEmpty();
        assertThat(user("\"yesterday\"").deactivatedAt()).isEmpty();
    }

    @Test
    void a_user_tolerates_fields_it_does_not_know() throws Exception {
        OrgUser user = json.readValue("{\"accountId\":\"a\",\"status\":\"suspended\",\"membershipStatus\":\"suspended\","
                + "\"mfaEnabled\":true,\"counts\":{\"resources\":2}}", OrgUser.class);
        assertThat(user.isSuspended()).isTrue();
        assertThat(user.platformRoles()).isEmpty();
    }

    private OrgUser user(String deactivatedOn) throws Exception {
        return json.readValue("{\"accountId\":\"a\",\"deactivatedOn\":" + deactivatedOn + "}", OrgUser.class);
    }
}
