package io.github.atlassianlifecycle.client.transport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * An {@code Authorization} header value. It is only ever turned into a header by the transport; {@link #toString()}
 * names the scheme and nothing else, so a credential that ends up in a log line or an exception leaks nothing.
 */
public final class Credential {

    private final String scheme;
    private final String headerValue;
    private final String secret;

    private Credential(String scheme, String headerValue, String secret) {
        this.scheme = scheme;
        this.headerValue = headerValue;
        this.secret = secret;
    }

    /** {@code Authorization: Bearer <token>}: organization and SCIM API keys, Bitbucket access tokens. */
    public static Credential bearer(String token) {
        requireText(token, "token");
        return new Credential("Bearer", "Bearer " + token, token);
    }

    /** {@code Authorization: Basic base64(user:secret)}: Jira and Confluence site tokens, Bitbucket passwords. */
    public static Credential basic(String user, String secret) {
        requireText(user, "user");
        requireText(secret, "secret");
        String pair = user + ":" + secret;
        return new Credential("Basic", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                secret);
    }

    /** No credential at all: for tests of how an API answers anonymous calls. */
    public static Credential none() {
        return new Credential("none", null, null);
    }

    String headerValue() {
        return headerValue;
    }

    /**
     * Replaces the secret wherever it appears in a text that came back from an API (an error detail that echoes
     * the request, say), so even a careless server cannot get the secret into an exception message.
     */
    String scrub(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(headerValue, scheme + " <redacted>").replace(secret, "<redacted>");
    }

    public String scheme() {
        return scheme;
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("credential " + what + " is blank");
        }
    }

    @Override
    public String toString() {
        return "Credential[" + scheme + " <redacted>]";
    }
}
