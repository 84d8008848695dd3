package io.github.atlassianlifecycle.client.organizations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates}, the {@code data} object. Atlassian's
 * figures may be up to 24 hours late; an empty {@code productAccess} means the user never used any product.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LastActiveDates(
        @JsonProperty("product_access") List<ProductLastActive> productAccess,
        @JsonProperty("added_to_org") LocalDate addedToOrg,
        @JsonProperty("added_to_org_timestamp") Instant addedToOrgTimestamp) {

    public LastActiveDates {
        productAccess = productAccess == null ? List.of() : List.copyOf(productAccess);
    }

    public boolean neverActive() {
        return productAccess.isEmpty();
    }

    /** The latest activity in any product: the timestamp when given, else the start of the day (UTC). */
    public Optional<Instant> lastActiveAnywhere() {
        return productAccess.stream().map(ProductLastActive::lastActiveInstant).filter(Objects::nonNull)
                .max(Instant::compareTo);
    }

    /** One product: its instance id, key ({@code jira-software}, {@code confluence}, ...) and last active day. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductLastActive(
            @JsonProperty("id") String id,
            @JsonProperty("key") String key,
            @JsonProperty("last_active") LocalDate lastActive,
            @JsonProperty("last_active_timestamp") Instant lastActiveTimestamp) {

        public Instant lastActiveInstant() {
            if (lastActiveTimestamp != null) {
                return lastActiveTimestamp;
            }
            return lastActive == null ? null : lastActive.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** The answer's wrapper: {@code {"data": {...}, "links": {"next": ...}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(@JsonProperty("data") LastActiveDates data, @JsonProperty("links") PageLinks links) {
    }
}
