package io.github.atlassianlifecycle.lifecycle;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.usermanagement.ManagedAccountProfile;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;

/**
 * Deactivates a managed account through user management, idempotently: it reads the account first, and an
 * account that is already inactive counts as done, so a retry after a crash never calls disable twice.
 */
public class AccountDisabler {

    /** What the step did. */
    public enum Outcome { DISABLED, ALREADY_INACTIVE }

    private final UserManagementClient userManagement;

    public AccountDisabler(UserManagementClient userManagement) {
        this.userManagement = userManagement;
    }

    /**
     * @throws LifecycleBusinessException when Atlassian refuses (not found, not managed, owned by an identity
     *         provider, not eligible)
     * @throws AtlassianApiException when the failure is transient and the call should be retried
     */
    public Outcome disable(String accountId) {
        try {
            ManagedAccountProfile profile = userManagement.profile(accountId);
            if (profile != null && !profile.isActive()) {
                return Outcome.ALREADY_INACTIVE;
            }
            userManagement.disable(accountId, null);
            return Outcome.DISABLED;
        } catch (AtlassianApiException failure) {
            if (failure.isTransient()) {
                throw failure;
            }
            throw LifecycleBusinessException.of(failure);
        }
    }
}
