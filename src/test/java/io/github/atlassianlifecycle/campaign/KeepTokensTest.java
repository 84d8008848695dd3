package io.github.atlassianlifecycle.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The keep links' tokens: what a token proves, and that nothing else passes for one. */
class KeepTokensTest {

    static final String KEY = "a-test-keep-link-key-of-32-characters!";
    static final Instant EXPIRES = Instant.parse("2026-03-16T10:15:30Z");
    final KeepTokens tokens = new KeepTokens(KEY);

    @Test
    void a_token_names_its_campaign_account_and_expiry_and_is_new_each_time() {
        String token = tokens.issue("campaign-1", "acc:1", EXPIRES);

        assertThat(tokens.verify(token)).contains(new KeepTokens.Claims("campaign-1", "acc:1", EXPIRES));
        assertThat(tokens.issue("campaign-1", "acc:1", EXPIRES)).isNotEqualTo(token);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}").doesNotContain(KEY);
    }

    @Test
    void a_token_signed_by_another_key_or_with_its_payload_changed_is_no_token() {
        String token = tokens.issue("campaign-1", "acc-1", EXPIRES);
        String other = new KeepTokens(KEY + "x").issue("campaign-1", "acc-1", EXPIRES);
        String payload = token.substring(0, token.indexOf('.'));
        String swapped = tokens.issue("campaign-2", "acc-1", EXPIRES);

        assertThat(tokens.verify(other)).isEmpty();
        assertThat(tokens.verify(swapped.substring(0, swapped.indexOf('.')) + token.substring(payload.length())))
                .isEmpty();
        assertThat(tokens.verify(payload + ".")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("../../etc/passwd")).isEmpty();
    }

    @Test
    void the_store_keeps_a_hash_that_is_not_the_token_and_the_key_is_never_shown() {
        String token = tokens.issue("campaign-1", "acc-1", EXPIRES);

        assertThat(KeepTokens.hash(token)).hasSize(64).isNotEqualTo(token).isEqualTo(KeepTokens.hash(token));
        assertThat(tokens.toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> new KeepTokens("short")).hasMessageNotContaining("short")
                .hasMessageContaining("32");
    }
}
