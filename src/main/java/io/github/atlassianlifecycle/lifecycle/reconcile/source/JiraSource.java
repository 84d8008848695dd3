package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.jira.JiraPage;
import io.github.atlassianlifecycle.client.jira.JiraUser;

/**
 * Jira's people: every group ({@code GET /rest/api/3/group/bulk}) and its members with the inactive ones
 * ({@code GET /rest/api/3/group/member?includeInactiveUsers=true}), so a deactivated account still holding a group
 * shows, with the groups each person is in. A person in no Jira group is not among any group's members: the user base
 * ({@link JiraUsersSource}) shows them.
 */
public final class JiraSource extends GroupMembersSource implements ProductSource {

    public static final String NAME = "jira";
    public static final String OPERATION = "jira.groupMembers";

    private final JiraClient jira;

    public JiraSource(JiraClient jira, Clock clock) {
        super(clock);
        this.jira = Objects.requireNonNull(jira, "jira");
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
    List<Group> listGroups() {
        return jira.allGroups().stream().map(group -> new Group(group.groupId(), group.name())).toList();
    }

    @Override
    Members members(Group group, int start, Instant readAt) {
        JiraPage<JiraUser> page = jira.groupMembers(group.id(), true, start, JiraClient.GROUP_MEMBERS_PAGE);
        boolean more = !page.last() && !page.values().isEmpty();
        return new Members(presences(page.values(), Set.of(group.name()), readAt), more ? page.nextStartAt() : null);
    }

    /** Jira users as Jira presences holding {@code groups}; {@code accountType atlassian} are people. */
    static List<ProductPresence> presences(List<JiraUser> users, Set<String> groups, Instant readAt) {
        return users.stream().filter(user -> user.accountId() != null)
                .map(user -> new ProductPresence(Product.JIRA, user.accountId(), null, user.emailAddress(),
                        DirectoryEntry.PERSON.equals(user.accountType()), user.active(), groups, readAt))
                .toList();
    }
}
