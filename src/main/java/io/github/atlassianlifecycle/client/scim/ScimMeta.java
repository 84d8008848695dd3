package io.github.atlassianlifecycle.client.scim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A SCIM resource's {@code meta}. The timestamps stay text: SCIM allows any xsd:dateTime offset, and a client that
 * failed to read a resource over a timestamp format would be failing for nothing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimMeta(String resourceType, String location, String created, String lastModified) {

    /** {@code created} as an instant, or null when absent or unreadable. */
    @JsonIgnore
    public Instant createdAt() {
        return instant(created);
    }

    /** {@code lastModified} as an instant, or null when absent or unreadable. */
    @JsonIgnore
    public Instant lastModifiedAt() {
        return instant(lastModified);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
