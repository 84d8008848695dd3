package io.github.atlassianlifecycle.simulator.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.simulator.core.Account;

/** How the simulated SCIM API reads the bodies identity providers really send. */
class UserDraftTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void a_seeded_account_without_a_profile_shows_its_email_as_user_name_and_splits_its_name() {
        UserDraft user = UserDraft.of(account());
        assertThat(user.userName).isEqualTo("ada.lovelace@demo.example");
        assertThat(user.givenName).isEqualTo("Ada");
        assertThat(user.familyName).isEqualTo("Lovelace");
        assertThat(user.active).isTrue();
    }

    @Test
    void a_body_ignores_attributes_atlassian_does_not_keep_and_reads_the_enterprise_extension() {
        UserDraft user = UserDraft.fromBody(body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"ignored","userName":"ada",
                 "emails":[{"value":"ada@demo.example","primary":true},{"value":"ada@home.example","type":"home"}],
                 "phoneNumbers":[{"value":"+49 1","type":"work"}],"addresses":[],"locale":"de-DE",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"eng","manager":{"value":"x"}}}
                """));
        assertThat(user.email).isEqualTo("ada@demo.example");
        assertThat(user.department).isEqualTo("eng");
        assertThat(user.active).isNull();
    }

    @Test
    void a_body_needs_a_user_name_and_exactly_one_primary_email() {
        assertRefused("{\"emails\":[{\"value\":\"a@demo.example\",\"primary\":true}]}", "invalidValue");
        assertRefused("{\"userName\":\"a\"}", "invalidValue");
        assertRefused("{\"userName\":\"a\",\"emails\":[{\"value\":\"a@x.example\",\"primary\":true},"
                + "{\"value\":\"b@x.example\",\"primary\":true}]}", "invalidValue");
        assertRefused("{\"userName\":\"a\",\"emails\":[{\"value\":\"not-an-email\"}]}", "invalidValue");
        assertRefused("{\"userName\":\"a\",\"emails\":[{\"value\":\"a@x.example\"}],\"active\":\"maybe\"}",
                "invalidValue");
    }

    @Test
    void patch_reads_entra_and_okta_forms() {
        UserDraft user = UserDraft.of(account());
        user.patch(body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"ada.king@demo.example"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"ops"},
                 {"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:title","value":"Countess"},
                 {"op":"replace","value":{"name":{"familyName":"King"},"active":"False"}}]}
                """));
        assertThat(user.email).isEqualTo("ada.king@demo.example");
        assertThat(user.department).isEqualTo("ops");
        assertThat(user.title).isEqualTo("Countess");
        assertThat(user.givenName).as("a patch merges sub-attributes").isEqualTo("Ada");
        assertThat(user.familyName).isEqualTo("King");
        assertThat(user.active).isFalse();
    }

    @Test
    void patch_refuses_bad_bodies_with_the_right_scim_type() {
        assertPatchRefused("{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}", "invalidSyntax");
        assertPatchRefused(PATCH_OP + "\"Operations\":[]}", "invalidSyntax");
        assertPatchRefused("{\"schemas\":[\"urn:other\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}",
                "invalidSyntax");
        assertPatchRefused(PATCH_OP + "\"Operations\":[{\"op\":\"move\",\"path\":\"title\",\"value\":\"x\"}]}", "invalidSyntax");
        assertPatchRefused(PATCH_OP + "\"Operations\":[{\"op\":\"remove\",\"path\":\"userName\"}]}", "mutability");
        assertPatchRefused(PATCH_OP + "\"Operations\":[{\"op\":\"remove\",\"path\":\"active\"}]}", "mutability");
        assertPatchRefused(PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"groups\",\"value\":[]}]}", "mutability");
        assertPatchRefused(PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"nonexistent\",\"value\":\"x\"}]}", "invalidPath");
        assertPatchRefused(PATCH_OP + "\"Operations\":[{\"op\":\"remove\"}]}", "noTarget");
        assertPatchRefused(PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":42}]}", "invalidValue");
    }

    @Test
    void nick_name_is_a_user_attribute_as_atlassian_documents_it() {
        Account account = account();
        UserDraft user = UserDraft.of(account);
        user.patch(body(PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"Ada\"}]}"));
        user.writeTo(account, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(UserDraft.of(account).nickName).isEqualTo("Ada");
        assertThat(UserDraft.fromBody(body("{\"userName\":\"a@demo.example\",\"nickName\":\"A\",\"emails\":[{\"value\":"
                + "\"a@demo.example\",\"primary\":true}]}")).nickName).isEqualTo("A");
    }

    @Test
    void writing_a_draft_deactivates_and_reactivates_the_account() {
        Account account = account();
        UserDraft user = UserDraft.of(account);
        user.active = false;
        user.writeTo(account, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(account.accountStatus).isEqualTo("inactive");
        assertThat(account.deactivatedOn).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(account.scimProfile.userName).isEqualTo("ada.lovelace@demo.example");
        user.active = true;
        user.writeTo(account, Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(account.accountStatus).isEqualTo("active");
        assertThat(account.deactivatedOn).isNull();
    }

    private static Account account() {
        Account account = new Account("5b10ac8d82e05b22cc7d4ef5");
        account.email = "ada.lovelace@demo.example";
        account.name = "Ada Lovelace";
        account.scimId = "s-1";
        account.externalId = "emp-1";
        return account;
    }

    private JsonNode body(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void assertRefused(String text, String scimType) {
        assertThatThrownBy(() -> UserDraft.fromBody(body(text))).isInstanceOf(ScimError.class)
                .satisfies(e -> assertThat(((ScimError) e).toResponse().getBody()).asString()
                        .contains("scimType=" + scimType));
    }

    /** The start of a PatchOp body naming its schema, as RFC 7644 §3.5.2 requires; the operations follow. */
    private static final String PATCH_OP = "{\"schemas\":[\"" + UserDraft.PATCH_OP + "\"],";

    private void assertPatchRefused(String text, String scimType) {
        UserDraft user = UserDraft.of(account());
        assertThatThrownBy(() -> user.patch(body(text))).isInstanceOf(ScimError.class)
                .satisfies(e -> assertThat(((ScimError) e).toResponse().getBody()).asString()
                        .contains("scimType=" + scimType));
    }
}
