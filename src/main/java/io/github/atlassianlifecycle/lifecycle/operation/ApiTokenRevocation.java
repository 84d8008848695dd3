package io.github.atlassianlifecycle.lifecycle.operation;

import java.util.List;

import io.github.atlassianlifecycle.client.usermanagement.ApiToken;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;

/**
 * Revokes every API token a managed account owns (user management's {@code ./manage/api-tokens}), so that a person
 * who leaves cannot keep calling Atlassian's APIs with a token made before. Idempotent by construction: it lists
 * first and deletes what is there, so a second run finds nothing and revokes 0.
 */
public class ApiTokenRevocation {

    private final UserManagementClient userManagement;

    public ApiTokenRevocation(UserManagementClient userManagement) {
        this.userManagement = userManagement;
    }

    /** @return how many tokens were revoked */
    public int revokeAll(String accountId) {
        List<ApiToken> tokens = userManagement.apiTokens(accountId);
        tokens.forEach(token -> userManagement.deleteApiToken(accountId, token.id()));
        return tokens.size();
    }
}
