package io.github.atlassianlifecycle.client.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Bitbucket Data Center's page: {@code start}, {@code limit}, {@code size}, {@code isLastPage} and, unless it is the
 * last page, {@code nextPageStart} (where to start next; trust it rather than computing an offset).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketPage<T>(int size, int limit, int start, @JsonProperty("isLastPage") boolean lastPage,
        Integer nextPageStart, List<T> values) {

    public BitbucketPage {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * Where the page after this one starts, for a page asked from {@code requestedStart}; null on the last page, and
     * for a {@code nextPageStart} that does not move forward (which would read the same pages for ever).
     */
    public Integer nextStart(int requestedStart) {
        boolean more = !lastPage && nextPageStart != null && nextPageStart > requestedStart;
        return more ? nextPageStart : null;
    }
}
