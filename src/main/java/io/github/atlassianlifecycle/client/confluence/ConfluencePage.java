package io.github.atlassianlifecycle.client.confluence;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Confluence's v1 page: {@code results}, {@code start}, {@code limit}, {@code size}, and {@code _links.next} while
 * there is more. The next page starts at {@code start + size}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfluencePage<T>(List<T> results, int start, int limit, int size,
        @JsonProperty("_links") Links links) {

    public ConfluencePage {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** Confluence links the next page only while there is one. */
    public boolean hasNext() {
        return links != null && links.next() != null;
    }

    public int nextStart() {
        return start + results.size();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Links(String base, String context, String self, String next) {
    }
}
