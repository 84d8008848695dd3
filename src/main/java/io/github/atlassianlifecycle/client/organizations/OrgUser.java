package io.github.atlassianlifecycle.client.organizations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user as the organizations API v2 shows it. The statuses are kept as the API's strings (Atlassian adds values
 * over time); the {@code is...} methods answer the questions the lifecycle asks.
 *
 * @param status composite: {@code active}, {@code suspended}, {@code not_invited}, {@code deactivated},
 *        {@code for_deletion}
 * @param accountStatus the Atlassian account: {@code active}, {@code inactive}, {@code closed}
 * @param membershipStatus the place in the directory: {@code active}, {@code suspended}, {@code no_membership}
 * @param claimStatus {@code managed} (email on a claimed domain) or {@code unmanaged}
 * @param managementSource {@code invited}, {@code synced} (from an identity provider) or null
 * @param deactivatedOn as the API wrote it (its format is not documented); read it with {@link #deactivatedAt()}
 * @param groups only when the search asked to expand {@code groups}
 * @param productAccess only when the search asked to expand {@code productAccess}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgUser(
        String accountId,
        String accountType,
        String status,
        String accountStatus,
        String membershipStatus,
        String claimStatus,
        String name,
        String nickname,
        String email,
        Boolean emailVerified,
        Instant addedToOrg,
        List<String> platformRoles,
        String managementSource,
        String deactivatedOn,
        Boolean forDeletion,
        List<GroupRef> groups,
        List<ProductAccess> productAccess,
        Links links) {

    public OrgUser {
        platformRoles = platformRoles == null ? List.of() : List.copyOf(platformRoles);
        groups = groups == null ? null : List.copyOf(groups);
        productAccess = productAccess == null ? null : List.copyOf(productAccess);
    }

    public boolean isManaged() {
        return "managed".equals(claimStatus);
    }

    /** Account active and membership active: the user can use the directory's apps. */
    public boolean isActive() {
        return "active".equals(status);
    }

    public boolean isSuspended() {
        return "suspended".equals(membershipStatus);
    }

    /** Removed from the directory (or never in it): groups and roles are gone; only an invite brings it back. */
    public boolean hasNoMembership() {
        return "no_membership".equals(membershipStatus);
    }

    public boolean isDeactivated() {
        return "inactive".equals(accountStatus);
    }

    public boolean isScheduledForDeletion() {
        return Boolean.TRUE.equals(forDeletion);
    }

    /** Provisioned by an identity provider: changes made here may be undone by the next sync. */
    public boolean isSynced() {
        return "synced".equals(managementSource);
    }

    /** When the account was deactivated: an ISO-8601 instant, or the start (UTC) of an ISO-8601 day. */
    public Optional<Instant> deactivatedAt() {
        if (deactivatedOn == null || deactivatedOn.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(deactivatedOn).toInstant());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(deactivatedOn).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADay) {
                return Optional.empty();
            }
        }
    }

    /** A group the user belongs to (expand {@code groups}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupRef(String id, String name, String description) {
    }

    /** The user's last activity in one product (expand {@code productAccess}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductAccess(String key, String id, Instant lastActiveTimestamp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Links(String self) {
    }
}
