package io.github.atlassianlifecycle.client.organizations;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of an organizations API listing: {@code {"data": [...], "links": {"self", "prev", "next"}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> data, PageLinks links) {

    public Page {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** The cursor of the next page; empty on the last page. A blank token counts as absent. */
    public Optional<String> nextCursor() {
        return links == null || links.next() == null || links.next().isBlank() ? Optional.empty()
                : Optional.of(links.next());
    }

    public boolean hasNext() {
        return nextCursor().isPresent();
    }
}
