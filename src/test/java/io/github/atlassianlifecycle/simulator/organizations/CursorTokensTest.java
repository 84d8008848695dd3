package io.github.atlassianlifecycle.simulator.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CursorTokensTest {

    final CursorTokens cursors = new CursorTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void a_token_leads_back_to_its_offset() {
        assertThat(cursors.decode("users", cursors.encode("users", 0))).hasValue(0);
        assertThat(cursors.decode("users", cursors.encode("users", 40))).hasValue(40);
    }

    @Test
    void tokens_are_opaque_url_safe_text_that_does_not_show_the_offset() {
        String token = cursors.encode("users", 40);
        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("40");
    }

    @Test
    void a_token_of_another_listing_is_refused() {
        assertThat(cursors.decode("groups", cursors.encode("users", 20))).isEmpty();
    }

    @Test
    void an_edited_token_is_refused() {
        String token = cursors.encode("users", 20);
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decoded.replace("|20|", "|60|").getBytes(StandardCharsets.UTF_8));
        assertThat(cursors.decode("users", forged)).isEmpty();

        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(cursors.decode("users", flipped)).isEmpty();
    }

    @Test
    void a_token_made_with_another_key_is_refused() {
        CursorTokens other = new CursorTokens("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        assertThat(cursors.decode("users", other.encode("users", 20))).isEmpty();
    }

    @Test
    void garbage_is_refused() {
        assertThat(cursors.decode("users", "not a cursor!")).isEmpty();
        assertThat(cursors.decode("users", "")).isEmpty();
        assertThat(cursors.decode("users", null)).isEmpty();
        assertThat(cursors.decode("users", Base64.getUrlEncoder().encodeToString("simcur1|users|5".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(cursors.decode("users", "x".repeat(600))).isEmpty();
    }

    @Test
    void negative_offsets_and_short_keys_are_programming_errors() {
        assertThatThrownBy(() -> cursors.encode("users", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CursorTokens(new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }
}
