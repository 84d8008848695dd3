package io.github.atlassianlifecycle.client.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One kind of resource the directory serves ({@code GET /ResourceTypes}): its {@code endpoint} ({@code /Users}), its
 * core {@code schema} and the schema extensions it may carry.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScimResourceType(String id, String name, String description, String endpoint, String schema,
        List<SchemaExtension> schemaExtensions) {

    public ScimResourceType {
        schemaExtensions = schemaExtensions == null ? List.of() : List.copyOf(schemaExtensions);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchemaExtension(String schema, boolean required) {
    }
}
