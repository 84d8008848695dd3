package io.github.atlassianlifecycle.client.organizations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of the invite answer: the account the email now belongs to. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitedUser(@JsonProperty("id") String accountId, @JsonProperty("email") String email) {
}
