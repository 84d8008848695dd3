package io.github.atlassianlifecycle.client.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One schema the directory knows ({@code GET /Schemas}): its attributes and their rules. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScimSchema(String id, String name, String description, List<Attribute> attributes) {

    public ScimSchema {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** The attribute named {@code name} (case-insensitive, as SCIM attribute names are), or null. */
    public Attribute attribute(String name) {
        return attributes.stream().filter(a -> a.name() != null && a.name().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attribute(String name, String type, boolean multiValued, boolean required, boolean caseExact,
            String mutability, String returned, String uniqueness, List<Attribute> subAttributes) {

        public Attribute {
            subAttributes = subAttributes == null ? List.of() : List.copyOf(subAttributes);
        }
    }
}
