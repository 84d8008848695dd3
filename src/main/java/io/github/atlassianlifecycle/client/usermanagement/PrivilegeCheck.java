package io.github.atlassianlifecycle.client.usermanagement;

import java.util.Map;

/**
 * The answer of the privilege pre-check: per privilege, allowed or not, and why not (a restriction reason key such
 * as {@code externalDirectory.scim}). There is no {@code delete/validate} endpoint; this is the pre-check.
 */
public record PrivilegeCheck(Map<LifecyclePrivilege, Decision> decisions) {

    public PrivilegeCheck {
        decisions = Map.copyOf(decisions);
    }

    public boolean allowed(LifecyclePrivilege privilege) {
        Decision decision = decisions.get(privilege);
        return decision != null && decision.allowed();
    }

    /** The restriction reason, or null when allowed or not asked. */
    public String reason(LifecyclePrivilege privilege) {
        Decision decision = decisions.get(privilege);
        return decision == null ? null : decision.reason();
    }

    public record Decision(boolean allowed, String reason) {
    }
}
