package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.jira.JiraUser;

/**
 * Jira's whole user base ({@code GET /rest/api/3/users/search}, active and inactive), so a person in Jira who is in
 * no Jira group is seen too: the group walk ({@link JiraSource}) cannot show them, and without this read they look
 * absent from Jira. The cursor is the next offset; Jira may hand out fewer users than asked, so only an empty page
 * ends the read.
 */
public final class JiraUsersSource implements ProductSource {

    public static final String NAME = "jira-users";
    static final int PAGE = 100;

    private final JiraClient jira;
    private final Clock clock;

    public JiraUsersSource(JiraClient jira, Clock clock) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Product product() {
        return Product.JIRA;
    }

    @Override
    public SourcePage read(String cursor) {
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        List<JiraUser> users = jira.allUsers(start, PAGE);
        return new SourcePage(List.of(), JiraSource.presences(users, Set.of(), clock.instant()),
                users.isEmpty() ? null : String.valueOf(start + users.size()));
    }
}
