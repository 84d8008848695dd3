package io.github.atlassianlifecycle.client.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the directory says it supports ({@code GET /ServiceProviderConfig}): Atlassian supports PATCH and filters
 * (a single {@code eq}), but neither bulk, sort, ETags nor password changes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScimServiceProviderConfig(
        List<String> schemas,
        String documentationUri,
        Supported patch,
        Bulk bulk,
        Filter filter,
        Supported changePassword,
        Supported sort,
        Supported etag,
        List<AuthenticationScheme> authenticationSchemes) {

    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    public boolean patchSupported() {
        return patch != null && patch.supported();
    }

    public boolean sortSupported() {
        return sort != null && sort.supported();
    }

    /** The most results one page holds, or 0 when the directory did not say. */
    public int maxResults() {
        return filter == null || filter.maxResults() == null ? 0 : filter.maxResults();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supported(boolean supported) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bulk(boolean supported, Integer maxOperations, Integer maxPayloadSize) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filter(boolean supported, Integer maxResults) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthenticationScheme(String type, String name, String description, Boolean primary) {
    }
}
