package io.github.atlassianlifecycle.lifecycle.reconcile.source;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A product whose people are found through its groups' member lists (Jira, Confluence): the groups in the order of
 * their ids, each group's members page by page. The cursor is {@code <groupId> <start>}, not a position in the group
 * list, so a group created or deleted between a crash and the resume moves no other group's place. The group list is
 * read once per source object (a resumed read lists it again once).
 */
abstract class GroupMembersSource implements ReconcileSource {

    private final Clock clock;
    private List<Group> groups;

    GroupMembersSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A group: id and name. */
    record Group(String id, String name) {
    }

    /** One page of a group's members and where the next starts, or null when the group has no more. */
    record Members(List<ProductPresence> presences, Integer nextStart) {
    }

    abstract List<Group> listGroups();

    abstract Members members(Group group, int start, Instant readAt);

    @Override
    public final SourcePage read(String cursor) {
        List<Group> all = groups();
        int index = 0;
        int start = 0;
        if (cursor != null) {
            String[] parts = cursor.split(" ", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a " + name() + " cursor: " + cursor);
            }
            index = firstAtOrAfter(all, parts[0]);
            start = index < all.size() && all.get(index).id().equals(parts[0]) ? Integer.parseInt(parts[1]) : 0;
        }
        if (index >= all.size()) {
            return new SourcePage(List.of(), List.of(), null);
        }
        Group group = all.get(index);
        Members page = members(group, start, clock.instant());
        String next;
        if (page.nextStart() != null) {
            next = group.id() + " " + page.nextStart();
        } else {
            next = index + 1 < all.size() ? all.get(index + 1).id() + " 0" : null;
        }
        return new SourcePage(List.of(), page.presences(), next);
    }

    private List<Group> groups() {
        if (groups == null) {
            groups = listGroups().stream().filter(group -> group.id() != null)
                    .sorted(Comparator.comparing(Group::id)).toList();
        }
        return groups;
    }

    private static int firstAtOrAfter(List<Group> groups, String id) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).id().compareTo(id) >= 0) {
                return i;
            }
        }
        return groups.size();
    }
}
