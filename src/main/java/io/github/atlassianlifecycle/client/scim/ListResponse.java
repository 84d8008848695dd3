package io.github.atlassianlifecycle.client.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a SCIM list ({@code urn:ietf:params:scim:api:messages:2.0:ListResponse}): {@code startIndex} is
 * 1-based, {@code itemsPerPage} is what this page holds, {@code totalResults} counts all matches.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListResponse<T>(
        List<String> schemas,
        int totalResults,
        int startIndex,
        int itemsPerPage,
        @JsonProperty("Resources") @JsonAlias("resources") List<T> resources) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public ListResponse {
        resources = resources == null ? List.of() : List.copyOf(resources);
        startIndex = Math.max(1, startIndex);
    }

    /** The 1-based index of the first item after this page. */
    public int nextStartIndex() {
        return startIndex + resources.size();
    }

    /** Whether items are left after this page (an empty page ends the list, whatever the total says). */
    public boolean hasMore() {
        return !resources.isEmpty() && nextStartIndex() <= totalResults;
    }
}
