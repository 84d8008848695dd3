package io.github.atlassianlifecycle.lifecycle.account;

import java.util.Locale;

/**
 * Where a requested group lives. In a request, {@code "jira:developers"} names a Jira group,
 * {@code "confluence:space-editors"} a Confluence group, and a plain name an organization group.
 */
public enum GroupNamespace {
    ORGANIZATION(""),
    JIRA("jira:"),
    CONFLUENCE("confluence:");

    private final String prefix;

    GroupNamespace(String prefix) {
        this.prefix = prefix;
    }

    /** The namespace and bare name of a requested group name. */
    public static RequestedGroup parse(String requested) {
        String lower = requested.toLowerCase(Locale.ROOT);
        for (GroupNamespace namespace : values()) {
            if (!namespace.prefix.isEmpty() && lower.startsWith(namespace.prefix)) {
                return new RequestedGroup(namespace, requested.substring(namespace.prefix.length()).strip());
            }
        }
        return new RequestedGroup(ORGANIZATION, requested.strip());
    }

    public String label(String name) {
        return switch (this) {
            case ORGANIZATION -> "group " + name;
            case JIRA -> "Jira group " + name;
            case CONFLUENCE -> "Confluence group " + name;
        };
    }

    /** A group as a request names it. */
    public record RequestedGroup(GroupNamespace namespace, String name) {
    }
}
