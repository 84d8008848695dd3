package io.github.atlassianlifecycle.client.scim;

/**
 * The answer of an idempotent create: the resource, and whether this call made it ({@code false}: it already
 * existed, for example because an earlier attempt reached Atlassian but crashed before its result was recorded).
 */
public record FoundOrCreated<T>(T resource, boolean created) {
}
