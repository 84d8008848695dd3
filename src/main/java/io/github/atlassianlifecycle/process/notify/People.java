package io.github.atlassianlifecycle.process.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import io.github.atlassianlifecycle.notification.Recipient;
import io.github.atlassianlifecycle.process.engine.WithoutAuthentication;

/**
 * Camunda users as people to tell, with the mail address the identity service holds for them (none: the notifier
 * skips and logs them). Read without the caller's authorizations: a requester may not list the approvers' group, but
 * the process tells its members all the same.
 */
final class People {

    private final IdentityService identity;

    People(IdentityService identity) {
        this.identity = identity;
    }

    /** The candidate users and the members of the candidate groups, less the people who may not decide. */
    List<Recipient> candidates(Collection<? extends IdentityLink> links, Set<String> refused) {
        Map<String, Recipient> people = new LinkedHashMap<>();
        for (IdentityLink link : links) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                people.putIfAbsent(link.getUserId(), user(link.getUserId()));
            }
            if (link.getGroupId() != null) {
                members(link.getGroupId()).forEach(member -> people.putIfAbsent(member.userId(), member));
            }
        }
        refused.forEach(people::remove);
        return new ArrayList<>(people.values());
    }

    /** The candidate groups, for the mail's text. */
    static String groups(Collection<? extends IdentityLink> links) {
        return String.join(", ", links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(group -> group != null).sorted().toList());
    }

    List<Recipient> members(String group) {
        return WithoutAuthentication.call(identity, () -> identity.createUserQuery().memberOfGroup(group).list())
                .stream().map(People::recipient).toList();
    }

    /** The user as a recipient; one the identity service does not know has no address (skipped, logged). */
    Recipient user(String userId) {
        User user = WithoutAuthentication.call(identity, () -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? new Recipient(userId, null) : recipient(user);
    }

    private static Recipient recipient(User user) {
        return new Recipient(user.getId(), user.getEmail());
    }
}
