package io.github.atlassianlifecycle.client.jira;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Jira's offset page ({@code PageBean}): {@code startAt}, {@code maxResults}, {@code total}, {@code isLast} and the
 * {@code values}. The next page starts at {@code startAt + values.size()}: Jira may hand out fewer values than
 * asked for, so the asked-for size is never used to compute the next offset.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JiraPage<T>(String self, String nextPage, int maxResults, int startAt, Long total,
        @JsonProperty("isLast") boolean last, List<T> values) {

    public JiraPage {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Where the next page starts. */
    public int nextStartAt() {
        return startAt + values.size();
    }
}
