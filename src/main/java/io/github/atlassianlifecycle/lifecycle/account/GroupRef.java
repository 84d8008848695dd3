package io.github.atlassianlifecycle.lifecycle.account;

/** A group in one namespace (org directory, Jira or Confluence): its id for calls, its name for people. */
public record GroupRef(String id, String name) {
}
