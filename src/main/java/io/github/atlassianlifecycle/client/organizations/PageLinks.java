package io.github.atlassianlifecycle.client.organizations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code links} of a page. All three are opaque cursor tokens (not URLs) to pass back as {@code cursor};
 * {@code next} is absent on the last page, {@code prev} on the first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageLinks(String self, String prev, String next) {
}
