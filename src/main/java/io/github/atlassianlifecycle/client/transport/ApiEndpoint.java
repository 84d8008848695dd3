package io.github.atlassianlifecycle.client.transport;

import java.util.Objects;

import io.github.atlassianlifecycle.client.ApiFamily;

/** Where one API lives (an absolute base URL, called as given) and how to sign in to it. */
public record ApiEndpoint(ApiFamily family, String baseUrl, Credential credential) {

    public ApiEndpoint {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credential, "credential");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The same API with another credential; used by tests of the wrong-key answers. */
    public ApiEndpoint withCredential(Credential other) {
        return new ApiEndpoint(family, baseUrl, other);
    }
}
