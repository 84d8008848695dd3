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
}
