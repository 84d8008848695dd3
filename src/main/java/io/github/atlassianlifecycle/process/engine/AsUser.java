package io.github.atlassianlifecycle.process.engine;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine work done as a person on record (a batch's submitter, a reconciliation's reviewer, a campaign's approver),
 * with their engine groups, for the requests a step starts on their decision; whoever was authenticated before is
 * back afterwards.
 */
public final class AsUser {

    private AsUser() {
    }

    /** Runs {@code work} authenticated as {@code userId}; it is given that user's groups. */
    public static <T> T call(IdentityService identity, String userId, Function<List<String>, T> work) {
        Authentication before = identity.getCurrentAuthentication();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList();
        identity.setAuthentication(userId, groups);
        try {
            return work.apply(groups);
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }
}
