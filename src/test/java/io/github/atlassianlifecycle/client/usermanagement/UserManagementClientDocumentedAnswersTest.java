package io.github.atlassianlifecycle.client.usermanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.lifecycle.BusinessError;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.reference.DocumentedAnswer;
import io.github.atlassianlifecycle.reference.DocumentedAnswerStub;
import io.github.atlassianlifecycle.reference.DocumentedAnswers;

/**
 * The user management client against Atlassian's documented answers, not against our simulator: each documented
 * answer goes over real HTTP through the production transport to the real client, which must call the documented
 * method and path and read what the lifecycle relies on (the privilege pre-check, the profile's account status)
 * with the documented values. Refusals keep the documented status, key, restriction reason and kind, and classify
 * into the business error the processes route.
 */
class UserManagementClientDocumentedAnswersTest {

    private static final String FAMILY = "usermanagement";
    private static final String ACCOUNT = "5b10ac8d82e05b22cc7d4ef5";

    @RegisterExtension
    static final DocumentedAnswerStub atlassian = DocumentedAnswerStub.forFamily(FAMILY);

    private final UserManagementClient client = new UserManagementClient(atlassian.transport(),
            atlassian.endpoint(ApiFamily.USER_MANAGEMENT));

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

    private Map<String, Consumer<DocumentedAnswer>> checks() {
        Map<String, Consumer<DocumentedAnswer>> checks = new LinkedHashMap<>();
        checks.put("privileges.200", this::thePreCheckReadsEachDecision);
        checks.put("privileges.200-synced-from-scim", this::thePreCheckReadsEachDecision);
        checks.put("privileges.200-unfiltered", this::thePreCheckReadsEachDecision);
        checks.put("privileges.401", answer -> refused(answer, () -> client.privileges(ACCOUNT),
                BusinessError.NOT_AUTHORIZED));
        checks.put("privileges.403", answer -> refused(answer, () -> client.privileges(ACCOUNT),
                BusinessError.NOT_AUTHORIZED));
        checks.put("privileges.404", answer -> refused(answer, () -> client.privileges(ACCOUNT),
                BusinessError.ACCOUNT_NOT_FOUND));
        checks.put("profile.200", this::theProfileGivesTheAccountStatus);
        checks.put("profile.403", answer -> refused(answer, () -> client.profile(ACCOUNT),
                BusinessError.NOT_AUTHORIZED));
        checks.put("profile.404", answer -> refused(answer, () -> client.profile(ACCOUNT),
                BusinessError.ACCOUNT_NOT_FOUND));
        checks.put("disable.204", answer -> atlassian.answered(answer,
                () -> client.disable(ACCOUNT, "You left the company")));
        checks.put("disable.401", answer -> refused(answer, () -> client.disable(ACCOUNT, null),
                BusinessError.NOT_AUTHORIZED));
        checks.put("disable.403-forbidden-action", answer -> refused(answer, () -> client.disable(ACCOUNT, null),
                BusinessError.MANAGED_BY_IDENTITY_PROVIDER));
        checks.put("disable.403-unclaimed-domain", answer -> {
            AtlassianApiException refused = refused(answer, () -> client.disable(ACCOUNT, null),
                    BusinessError.ACCOUNT_NOT_MANAGED);
            assertThat(refused.detail()).contains(answer.body().at("/context/domain").asText());
        });
        checks.put("disable.404", answer -> refused(answer, () -> client.disable(ACCOUNT, null),
                BusinessError.ACCOUNT_NOT_FOUND));
        checks.put("disable.409", this::aConflictNamesItsCodes);
        checks.put("enable.204", answer -> atlassian.answered(answer, () -> client.enable(ACCOUNT)));
        checks.put("enable.409-scheduled-for-deletion", this::aConflictNamesItsCodes);
        checks.put("delete.200", answer -> atlassian.answered(answer, () -> client.delete(ACCOUNT)));
        checks.put("delete.409", this::aConflictNamesItsCodes);
        checks.put("cancelDelete.200", answer -> atlassian.answered(answer, () -> client.cancelDelete(ACCOUNT)));
        checks.put("cancelDelete.404", answer -> refused(answer, () -> client.cancelDelete(ACCOUNT),
                BusinessError.ACCOUNT_NOT_FOUND));
        checks.put("apiTokens.200", this::theTokensAreListedWithoutSecrets);
        checks.put("deleteApiToken.204", answer -> {
            atlassian.answered(answer, () -> client.deleteApiToken(ACCOUNT, "b7bc2a6e-1d3c-4c52-9a0e-3f4b1c6d2e01"));
            assertThat(atlassian.lastCall().path()).endsWith("/api-tokens/b7bc2a6e-1d3c-4c52-9a0e-3f4b1c6d2e01");
        });
        return checks;
    }

    // ---- the checks

    private void thePreCheckReadsEachDecision(DocumentedAnswer answer) {
        PrivilegeCheck check = atlassian.answered(answer, () -> client.privileges(ACCOUNT));

        assertThat(URLDecoder.decode(atlassian.lastCall().query(), StandardCharsets.UTF_8))
                .isEqualTo("privileges=lifecycle.enablement,lifecycle.delete");
        for (LifecyclePrivilege privilege : LifecyclePrivilege.values()) {
            JsonNode documented = answer.body().path(privilege.key());
            assertThat(check.allowed(privilege)).as("%s allowed", privilege.key())
                    .isEqualTo(documented.path("allowed").asBoolean());
            assertThat(check.reason(privilege)).as("%s reason", privilege.key())
                    .isEqualTo(documented.path("reason").path("key").isMissingNode() ? null
                            : documented.path("reason").path("key").asText());
        }
    }

    private void theProfileGivesTheAccountStatus(DocumentedAnswer answer) {
        JsonNode documented = answer.body().path("account");

        ManagedAccountProfile profile = atlassian.answered(answer, () -> client.profile(ACCOUNT));

        assertThat(profile.accountId()).isEqualTo(documented.path("account_id").asText());
        assertThat(profile.accountType()).isEqualTo(documented.path("account_type").asText());
        assertThat(profile.accountStatus()).isEqualTo(documented.path("account_status").asText());
        assertThat(profile.isActive()).isEqualTo("active".equals(documented.path("account_status").asText()));
        assertThat(profile.name()).isEqualTo(documented.path("name").asText());
        assertThat(profile.nickname()).isEqualTo(documented.path("nickname").asText());
        assertThat(profile.email()).isEqualTo(documented.path("email").asText());
    }

    private void theTokensAreListedWithoutSecrets(DocumentedAnswer answer) {
        List<ApiToken> tokens = atlassian.answered(answer, () -> client.apiTokens(ACCOUNT));

        assertThat(tokens).hasSize(answer.body().size());
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode documented = answer.body().get(i);
            assertThat(tokens.get(i).id()).isEqualTo(documented.path("id").asText());
            assertThat(tokens.get(i).label()).isEqualTo(documented.path("label").asText());
            assertThat(tokens.get(i).createdAt()).isEqualTo(Instant.parse(documented.path("createdAt").asText()));
            assertThat(tokens.get(i).lastAccess()).isEqualTo(Instant.parse(documented.path("lastAccess").asText()));
            assertThat(tokens.get(i).expiry()).isEqualTo(Instant.parse(documented.path("expiry").asText()));
        }
    }

    private void aConflictNamesItsCodes(DocumentedAnswer answer) {
        Runnable call = switch (answer.operation()) {
            case "userManagement.disable" -> () -> client.disable(ACCOUNT, null);
            case "userManagement.enable" -> () -> client.enable(ACCOUNT);
            case "userManagement.delete" -> () -> client.delete(ACCOUNT);
            default -> throw new IllegalArgumentException(answer.operation());
        };
        AtlassianApiException refused = refused(answer, call, BusinessError.NOT_ELIGIBLE);
        answer.body().at("/context/errorCodes").forEach(code -> assertThat(refused.detail())
                .contains(code.path("code").asText()));
    }

    // ---- shared assertions

    private AtlassianApiException refused(DocumentedAnswer answer, Runnable call, BusinessError modelled) {
        AtlassianApiException refused = atlassian.refused(answer, call);
        assertThat(refused.kind()).as("%s: kind", answer).isEqualTo(AtlassianApiException.Kind.BUSINESS);
        assertThat(refused.errorKey()).as("%s: key", answer).isEqualTo(answer.body().path("key").asText());
        JsonNode reason = answer.body().at("/context/reason/key");
        assertThat(refused.reasonKey()).as("%s: restriction reason", answer)
                .isEqualTo(reason.isMissingNode() ? null : reason.asText());
        assertThat(LifecycleBusinessException.of(refused).error()).as("%s: modelled as", answer).isEqualTo(modelled);
        return refused;
    }
}
