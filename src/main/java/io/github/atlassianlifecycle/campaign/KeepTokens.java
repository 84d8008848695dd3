package io.github.atlassianlifecycle.campaign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keep links' tokens: {@code payload.signature}, both base64url, the payload naming campaign, account, expiry
 * and a random nonce, the signature its HMAC-SHA256 under the configured key. A token proves itself without the
 * store; the store keeps only its {@link #hash} (so a copy of the database hands out no link) and whether it was
 * used. {@link #toString()} never shows the key.
 */
public final class KeepTokens {

    /** The shortest key accepted: 32 bytes, the size of the HMAC-SHA256 output. */
    public static final int MIN_KEY_LENGTH = 32;
    private static final String MAC = "HmacSHA256";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,600}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeepTokens(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the keep-link key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), MAC);
    }

    /** What a valid token says. */
    public record Claims(String campaignId, String accountId, Instant expiresAt) {
    }

    /** A new token for the person's row, valid until {@code expiresAt}. */
    public String issue(String campaignId, String accountId, Instant expiresAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = ENCODER.encodeToString((campaignId + "|" + accountId + "|" + expiresAt.getEpochSecond() + "|"
                + ENCODER.encodeToString(nonce)).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /**
     * The token's claims when its signature is this key's; empty for anything else (malformed, forged, signed by
     * another key). Expiry is the caller's check: an expired token is still recognised, to say so.
     */
    public Optional<Claims> verify(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What the store keeps of a token: its SHA-256, hex. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeepTokens[key=***]";
    }
}
