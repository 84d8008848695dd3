package io.github.atlassianlifecycle.client.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.reference.DocumentedAnswer;
import io.github.atlassianlifecycle.reference.DocumentedAnswerStub;
import io.github.atlassianlifecycle.reference.DocumentedAnswers;
import io.github.atlassianlifecycle.reference.DocumentedAnswersTest;

/**
 * The organizations client against Atlassian's documented answers, not against our simulator: every documented
 * answer of the family goes over real HTTP through the production transport to the real client, which must call
 * the documented method and path and read every field the lifecycle relies on with the documented value (compared
 * with the fixture's body, never a value written here). Refusals must keep the documented status, code and kind,
 * and classify into the business error the processes route.
 */
class OrganizationsClientDocumentedAnswersTest {

    private static final String FAMILY = "organizations";
    private static final String ORG = "o-1";
    private static final String DIRECTORY = "d-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Documented answers of endpoints the client no longer calls, because Atlassian has deprecated them and names a
     * successor the client uses instead (see docs/api-coverage.md). Checked: no client declares their operation.
     */
    private static final Map<String, String> SUPERSEDED = Map.of(
            "organizations.listUsers", "organizations.searchUsers",
            "organizations.groups", "organizations.searchGroups");

    @RegisterExtension
    static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forFamily(FAMILY);

    private final OrganizationsClient client = new OrganizationsClient(atlassian.transport(),
            atlassian.endpoint(ApiFamily.ORGANIZATIONS), ORG, DIRECTORY);

    static Stream<DocumentedAnswer> documentedAnswers() {
        return DocumentedAnswers.of(FAMILY).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedAnswers")
    void every_documented_answer_reads_as_the_lifecycle_needs(DocumentedAnswer answer) {
        Consumer<DocumentedAnswer> check = checks().get(answer.name());
        assertThat(check).as("a check of %s (%s %s) in this test", answer, answer.method(), answer.path()).isNotNull();
        check.accept(answer);
    }

    @Test
    void every_check_has_its_documented_answer() {
        assertThat(DocumentedAnswers.of(FAMILY)).extracting(DocumentedAnswer::name)
                .containsExactlyInAnyOrderElementsOf(checks().keySet());
    }

    @Test
    void a_user_answered_without_its_data_envelope_is_a_broken_contract_not_a_user_of_unknown_state() {
        DocumentedAnswer documented = DocumentedAnswers.named(FAMILY, "user.200");
        DocumentedAnswer withoutEnvelope = documented.answeredWith(documented.status(), documented.contentType(),
                documented.body().path("data"));

        AtlassianApiException refused = atlassian.refused(withoutEnvelope, () -> client.user(ACCOUNT));

        assertThat(refused.errorKey()).isEqualTo("unreadableBody");
        assertThat(refused.kind()).isEqualTo(AtlassianApiException.Kind.BUSINESS);
    }

    private Map<String, Consumer<DocumentedAnswer>> checks() {
        Map<String, Consumer<DocumentedAnswer>> checks = new LinkedHashMap<>();
        // ---- users
        checks.put("user.200", this::aUserIsReadFromItsDataEnvelope);
        checks.put("user.200-scheduled-for-deletion", this::aUserIsReadFromItsDataEnvelope);
        checks.put("user.401", answer -> refused(answer, () -> client.user(ACCOUNT), BusinessError.NOT_AUTHORIZED));
        checks.put("user.404", answer -> refused(answer, () -> client.user(ACCOUNT), BusinessError.ACCOUNT_NOT_FOUND));
        checks.put("user.404-organization", this::anUnknownOrganizationIsAConfigurationFailureNotAnUnknownAccount);
        checks.put("searchUsers.200", this::aSearchByAccountIdReadsTheUserWithItsGroups);
        checks.put("searchUsers.400", answer -> refused(answer,
                () -> client.searchUsers(UserSearch.bySearchTerm("mia")), BusinessError.INVALID_REQUEST));
        checks.put("suspend.204", answer -> atlassian.answered(answer, () -> client.suspend(ACCOUNT)));
        checks.put("suspend.404", answer -> refused(answer, () -> client.suspend(ACCOUNT),
                BusinessError.ACCOUNT_NOT_FOUND));
        checks.put("suspend.429", this::aRateLimitedSuspendIsTransient);
        checks.put("restore.204", answer -> atlassian.answered(answer, () -> client.restore(ACCOUNT)));
        checks.put("removeFromDirectory.204", answer -> atlassian.answered(answer,
                () -> client.removeFromDirectory(ACCOUNT)));
        checks.put("invite.200", this::anInvitationNamesTheAccountOfEachEmail);
        checks.put("invite.402", answer -> refused(answer, () -> client.invite(Invitation.of("new@acme.example")),
                BusinessError.LICENCE_LIMIT));
        checks.put("lastActiveDates.200", this::lastActiveDatesGiveEachProduct);
        checks.put("lastActiveDates.200-never-active", this::lastActiveDatesGiveEachProduct);
        checks.put("directories.200", this::directoriesAreListed);
        // ---- groups
        checks.put("searchGroups.200", this::aGroupIsFoundByName);
        checks.put("createGroup.204", this::aCreatedGroupWithoutABodyIsLookedUpByName);
        checks.put("createGroup.409", answer -> refused(answer, () -> client.createGroup("engineering", null),
                BusinessError.NOT_ELIGIBLE));
        checks.put("addMembership.204", answer -> {
            assertThat(atlassian.answered(answer, () -> client.addMembershipIfAbsent(GROUP, ACCOUNT))).isTrue();
            assertThat(json(atlassian.lastCall().requestBody())).isEqualTo(JSON.createObjectNode()
                    .put("accountId", ACCOUNT));
        });
        checks.put("addMembership.409-already-member", answer -> {
            refused(answer, () -> client.addMembership(GROUP, ACCOUNT), BusinessError.NOT_ELIGIBLE);
            assertThat(atlassian.answered(answer, () -> client.addMembershipIfAbsent(GROUP, ACCOUNT)))
                    .as("already a member counts as done").isFalse();
        });
        checks.put("addMembership.409-licence-limit", answer -> refused(answer,
                () -> client.addMembershipIfAbsent(GROUP, ACCOUNT), BusinessError.LICENCE_LIMIT));
        checks.put("addMembership.400-inactive-user", answer -> refused(answer,
                () -> client.addMembershipIfAbsent(GROUP, ACCOUNT), BusinessError.INVALID_REQUEST));
        checks.put("addMembership.404-group", answer -> refused(answer,
                () -> client.addMembershipIfAbsent(GROUP, ACCOUNT), BusinessError.REFUSED));
        checks.put("removeMembership.204", answer -> atlassian.answered(answer,
                () -> client.removeMembership(GROUP, ACCOUNT)));
        checks.put("assignRole.204", answer -> {
            atlassian.answered(answer, () -> client.assignRole(GROUP, JIRA, "atlassian/user"));
            assertThat(json(atlassian.lastCall().requestBody())).isEqualTo(JSON.createObjectNode()
                    .put("resourceId", JIRA).put("roleId", "atlassian/user"));
        });
        checks.put("assignRole.400-not-licensed", answer -> refused(answer,
                () -> client.assignRole(GROUP, JIRA, "atlassian/user"), BusinessError.INVALID_REQUEST));
        checks.put("revokeRole.204", answer -> atlassian.answered(answer,
                () -> client.revokeRole(GROUP, JIRA, "atlassian/user")));
        // ---- deprecated listings, superseded by the searches above
        for (String name : List.of("listUsers.200", "listUsers.400", "listUsers.403", "groups.200")) {
            checks.put(name, this::noClientCallsASupersededEndpoint);
        }
        return checks;
    }

    private static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";
    private static final String GROUP = "4c1a5b7e-9d3f-4a6b-8e2c-7f0d1b3a5c9e";
    private static final String JIRA = "ari:cloud:jira::site/a436116f-02ce-4520-8fbb-7301462a1674";

    // ---- the checks

    private void aUserIsReadFromItsDataEnvelope(DocumentedAnswer answer) {
        JsonNode documented = answer.body().path("data");

        OrgUser user = atlassian.answered(answer, () -> client.user(documented.path("accountId").asText()));

        assertUserAsDocumented(user, documented);
    }

    private void aSearchByAccountIdReadsTheUserWithItsGroups(DocumentedAnswer answer) {
        JsonNode documented = answer.body().path("data").path(0);

        // As the lifecycle's AccountInspector asks: one account, with its groups.
        Page<OrgUser> page = atlassian.answered(answer, () -> client.searchUsers(UserSearch.byAccountIds(
                documented.path("accountId").asText()).withExpand(UserSearch.Expand.GROUPS,
                        UserSearch.Expand.PRODUCT_ACCESS)));

        JsonNode sent = json(atlassian.lastCall().requestBody());
        assertThat(sent.path("accountIds").path(0).asText()).isEqualTo(documented.path("accountId").asText());
        assertThat(texts(sent.path("expand"))).containsExactly("groups", "productAccess");
        assertThat(page.data()).hasSize(answer.body().path("data").size());
        assertThat(page.nextCursor()).hasValue(answer.body().path("links").path("next").asText());
        OrgUser user = page.data().get(0);
        assertUserAsDocumented(user, documented);
        assertThat(user.groups()).extracting(OrgUser.GroupRef::id).containsExactlyElementsOf(
                texts(documented.path("groups"), "id"));
        assertThat(user.groups()).extracting(OrgUser.GroupRef::name).containsExactlyElementsOf(
                texts(documented.path("groups"), "name"));
        assertThat(user.productAccess()).extracting(OrgUser.ProductAccess::key).containsExactlyElementsOf(
                texts(documented.path("productAccess"), "key"));
        assertThat(user.productAccess()).extracting(access -> access.lastActiveTimestamp().toString())
                .containsExactlyElementsOf(texts(documented.path("productAccess"), "lastActiveTimestamp").stream()
                        .map(text -> Instant.parse(text).toString()).toList());
    }

    /** ADMIN-UAM-404-2 says the configured organization id is wrong: nothing about the person, so not modelled. */
    private void anUnknownOrganizationIsAConfigurationFailureNotAnUnknownAccount(DocumentedAnswer answer) {
        AtlassianApiException refused = atlassian.failed(answer, () -> client.user(ACCOUNT));

        assertThat(refused.isBusiness()).as("a business outcome about the person").isFalse();
        assertThat(refused.isNotFound()).as("read as an absent account").isFalse();
        assertThat(refused.isTransient()).as("retried").isFalse();
        assertThat(refused.kind()).isEqualTo(AtlassianApiException.Kind.MISCONFIGURED);
        assertThat(refused.errorKey()).isEqualTo(answer.body().at("/errors/0/code").asText());
        assertThat(refused.getMessage()).contains("atlassian.org-id", answer.body().at("/errors/0/detail").asText())
                .doesNotContain(ORG).doesNotContain("documented-answers-key");
    }

    private void aRateLimitedSuspendIsTransient(DocumentedAnswer answer) {
        AtlassianApiException refused = atlassian.refused(answer, () -> client.suspend(ACCOUNT));
        assertThat(refused.kind()).isEqualTo(AtlassianApiException.Kind.TRANSIENT);
        assertThat(refused.isRateLimited()).isTrue();
    }

    private void anInvitationNamesTheAccountOfEachEmail(DocumentedAnswer answer) {
        JsonNode documented = answer.body().path("data");

        List<InvitedUser> invited = atlassian.answered(answer, () -> client.invite(
                Invitation.of(documented.path(0).path("email").asText()).withGroups(GROUP)));

        assertThat(invited).extracting(InvitedUser::accountId).containsExactlyElementsOf(texts(documented, "id"));
        assertThat(invited).extracting(InvitedUser::email).containsExactlyElementsOf(texts(documented, "email"));
    }

    private void lastActiveDatesGiveEachProduct(DocumentedAnswer answer) {
        JsonNode documented = answer.body().path("data");

        LastActiveDates dates = atlassian.answered(answer, () -> client.lastActiveDates(ACCOUNT));

        JsonNode products = documented.path("product_access");
        assertThat(dates.neverActive()).isEqualTo(products.isEmpty());
        assertThat(dates.productAccess()).extracting(LastActiveDates.ProductLastActive::key)
                .containsExactlyElementsOf(texts(products, "key"));
        assertThat(dates.productAccess()).extracting(LastActiveDates.ProductLastActive::id)
                .containsExactlyElementsOf(texts(products, "id"));
        assertThat(dates.productAccess()).extracting(product -> product.lastActive().toString())
                .containsExactlyElementsOf(texts(products, "last_active"));
        assertThat(dates.productAccess()).extracting(product -> product.lastActiveTimestamp().toString())
                .containsExactlyElementsOf(texts(products, "last_active_timestamp"));
        assertThat(dates.addedToOrg()).isEqualTo(LocalDate.parse(documented.path("added_to_org").asText()));
        assertThat(dates.addedToOrgTimestamp()).isEqualTo(Instant.parse(documented.path("added_to_org_timestamp")
                .asText()));
    }

    private void directoriesAreListed(DocumentedAnswer answer) {
        List<OrgDirectory> directories = atlassian.answered(answer, () -> client.allDirectories());

        assertThat(directories).extracting(OrgDirectory::directoryId)
                .containsExactlyElementsOf(texts(answer.body().path("data"), "directoryId"));
    }

    private void aGroupIsFoundByName(DocumentedAnswer answer) {
        JsonNode documented = answer.body().path("data").path(0);

        OrgGroup group = atlassian.answered(answer,
                () -> client.findGroupByName(documented.path("name").asText().toUpperCase())).orElseThrow();

        assertThat(texts(json(atlassian.lastCall().requestBody()).path("groupNames")))
                .containsExactly(documented.path("name").asText().toUpperCase());
        assertGroupAsDocumented(group, documented);
    }

    private void aCreatedGroupWithoutABodyIsLookedUpByName(DocumentedAnswer answer) {
        JsonNode documented = atlassian.body("searchGroups.200").path("data").path(0);

        OrgGroup created = atlassian.answeredInTurn(List.of(answer.name(), "searchGroups.200"),
                () -> client.createGroup(documented.path("name").asText(), "Grants access to Jira"));

        assertGroupAsDocumented(created, documented);
    }

    private void noClientCallsASupersededEndpoint(DocumentedAnswer answer) {
        atlassian.neverCalled(answer);
        try {
            assertThat(DocumentedAnswersTest.clientOperations()).as("%s is deprecated; its successor is %s",
                    answer.operation(), SUPERSEDED.get(answer.operation()))
                    .doesNotContain(answer.operation()).contains(SUPERSEDED.get(answer.operation()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- shared assertions

    private void refused(DocumentedAnswer answer, Runnable call, BusinessError modelled) {
        AtlassianApiException refused = atlassian.refused(answer, call);
        assertThat(refused.kind()).as("%s: kind", answer).isEqualTo(AtlassianApiException.Kind.BUSINESS);
        assertThat(refused.errorKey()).as("%s: code", answer).isEqualTo(answer.body().at("/errors/0/code").asText());
        assertThat(refused.reasonKey()).as("%s: the API gives no restriction reason", answer).isNull();
        assertThat(refused.detail()).as("%s: detail", answer).contains(answer.body().at("/errors/0/detail").asText());
        assertThat(LifecycleBusinessException.of(refused).error()).as("%s: modelled as", answer).isEqualTo(modelled);
    }

    private static void assertUserAsDocumented(OrgUser user, JsonNode documented) {
        assertThat(user.accountId()).isEqualTo(documented.path("accountId").asText());
        assertThat(user.email()).isEqualTo(documented.path("email").asText());
        assertThat(user.name()).isEqualTo(documented.path("name").asText());
        assertThat(user.status()).isEqualTo(documented.path("status").asText());
        assertThat(user.accountStatus()).isEqualTo(documented.path("accountStatus").asText());
        assertThat(user.membershipStatus()).isEqualTo(documented.path("membershipStatus").asText());
        assertThat(user.claimStatus()).isEqualTo(documented.path("claimStatus").asText());
        assertThat(user.isManaged()).isEqualTo("managed".equals(documented.path("claimStatus").asText()));
        assertThat(user.isSynced()).isEqualTo("synced".equals(documented.path("managementSource").asText()));
        assertThat(user.isScheduledForDeletion()).isEqualTo(documented.path("forDeletion").asBoolean());
        assertThat(user.isSuspended()).isEqualTo("suspended".equals(documented.path("membershipStatus").asText()));
        assertThat(user.isDeactivated()).isEqualTo("inactive".equals(documented.path("accountStatus").asText()));
        assertThat(user.platformRoles()).containsExactlyElementsOf(texts(documented.path("platformRoles")));
        JsonNode deactivatedOn = documented.path("deactivatedOn");
        if (deactivatedOn.isTextual()) {
            assertThat(user.deactivatedAt()).hasValue(Instant.parse(deactivatedOn.asText()));
        } else {
            assertThat(user.deactivatedAt()).isEmpty();
        }
    }

    private static void assertGroupAsDocumented(OrgGroup group, JsonNode documented) {
        assertThat(group.id()).isEqualTo(documented.path("id").asText());
        assertThat(group.name()).isEqualTo(documented.path("name").asText());
        assertThat(group.isSynced()).isEqualTo(documented.path("externalSynced").asBoolean()
                || "external".equals(documented.path("managedBy").asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).isNull() ? null : item.path(field).asText()));
        return texts;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
