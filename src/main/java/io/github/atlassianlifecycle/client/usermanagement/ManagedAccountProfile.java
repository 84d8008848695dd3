package io.github.atlassianlifecycle.client.usermanagement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /users/{accountId}/manage/profile}, the {@code account} object. {@code accountStatus} is
 * {@code active}, {@code inactive} or {@code closed}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManagedAccountProfile(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("account_type") String accountType,
        @JsonProperty("account_status") String accountStatus,
        @JsonProperty("name") String name,
        @JsonProperty("nickname") String nickname,
        @JsonProperty("email") String email) {

    public boolean isActive() {
        return "active".equals(accountStatus);
    }

    public boolean isInactive() {
        return "inactive".equals(accountStatus);
    }

    /** The wrapper the API answers with: {@code {"account": {...}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(@JsonProperty("account") ManagedAccountProfile account) {
    }
}
