package io.github.atlassianlifecycle.simulator.organizations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalInt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The organizations API's opaque cursor tokens, as the simulator makes them: an offset into one listing, a marker
 * and a MAC, base64url-encoded. Clients must treat them as opaque, and the simulator refuses a token that was
 * edited, belongs to another listing, or was never issued, as Atlassian answers a bad cursor with 400.
 */
final class CursorTokens {

    private static final String MARKER = "simcur1";
    private static final int MAC_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    CursorTokens(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a cursor key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** The token for the page starting at {@code offset} of the listing {@code scope} (e.g. {@code users}). */
    String encode(String scope, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        String payload = MARKER + "|" + scope + "|" + offset;
        byte[] mac = mac(payload);
        byte[] token = (payload + "|" + ENCODER.encodeToString(mac)).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(token);
    }

    /** The offset the token points at, or empty when it is not a genuine token of this listing. */
    OptionalInt decode(String scope, String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return OptionalInt.empty();
        }
        String text;
        try {
            text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return OptionalInt.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || !MARKER.equals(parts[0]) || !scope.equals(parts[1])) {
            return OptionalInt.empty();
        }
        String payload = parts[0] + "|" + parts[1] + "|" + parts[2];
        byte[] given;
        try {
            given = DECODER.decode(parts[3]);
        } catch (IllegalArgumentException notBase64) {
            return OptionalInt.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return OptionalInt.empty();
        }
        try {
            int offset = Integer.parseInt(parts[2]);
            return offset < 0 ? OptionalInt.empty() : OptionalInt.of(offset);
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
