package io.github.atlassianlifecycle.client.usermanagement;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.ApiRequest;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;

/**
 * The user management API ({@code /users/{accountId}/manage/...}, organization API key as Bearer). Only accounts
 * the organization manages (email on a claimed domain) can be changed; others answer 403
 * {@code forbidden.unclaimedDomain}. Every method throws {@link AtlassianApiException} on anything but 2xx.
 */
public class UserManagementClient {

    private final AtlassianHttpTransport transport;
    private final ApiEndpoint endpoint;

    public UserManagementClient(AtlassianHttpTransport transport, ApiEndpoint endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
    }

    /** {@code GET /users/{id}/manage/profile}. */
    public ManagedAccountProfile profile(String accountId) {
        ManagedAccountProfile.Envelope envelope = transport.send(endpoint,
                ApiRequest.get("/users/{}/manage/profile", accountId).operation("userManagement.profile"),
                ManagedAccountProfile.Envelope.class);
        return envelope == null ? null : envelope.account();
    }

    /** {@code GET /users/{id}/manage?privileges=...}: may this key disable, enable or delete the account? */
    public PrivilegeCheck privileges(String accountId, LifecyclePrivilege... privileges) {
        LifecyclePrivilege[] asked = privileges.length == 0 ? LifecyclePrivilege.values() : privileges;
        String keys = Arrays.stream(asked).map(LifecyclePrivilege::key).collect(Collectors.joining(","));
        JsonNode answer = transport.send(endpoint,
                ApiRequest.get("/users/{}/manage", accountId).query("privileges", keys)
                        .operation("userManagement.privileges"),
                JsonNode.class);
        Map<LifecyclePrivilege, PrivilegeCheck.Decision> decisions = new EnumMap<>(LifecyclePrivilege.class);
        for (LifecyclePrivilege privilege : asked) {
            JsonNode node = answer == null ? null : answer.get(privilege.key());
            if (node != null) {
                String reason = node.path("reason").path("key").asText(null);
                decisions.put(privilege, new PrivilegeCheck.Decision(node.path("allowed").asBoolean(false), reason));
            }
        }
        return new PrivilegeCheck(decisions);
    }

    /** {@code POST /users/{id}/manage/lifecycle/disable} (204). The message is shown to the user, if given. */
    public void disable(String accountId, String message) {
        ApiRequest request = ApiRequest.post("/users/{}/manage/lifecycle/disable", accountId)
                .operation("userManagement.disable");
        if (message != null && !message.isBlank()) {
            request.body(Map.of("message", message));
        }
        transport.send(endpoint, request);
    }

    /** {@code POST /users/{id}/manage/lifecycle/enable} (204). */
    public void enable(String accountId) {
        transport.send(endpoint,
                ApiRequest.post("/users/{}/manage/lifecycle/enable", accountId).operation("userManagement.enable"));
    }

    /** {@code POST /users/{id}/manage/lifecycle/delete} (200): closes the account after Atlassian's 14 days. */
    public void delete(String accountId) {
        transport.send(endpoint,
                ApiRequest.post("/users/{}/manage/lifecycle/delete", accountId).operation("userManagement.delete"));
    }

    /** {@code POST /users/{id}/manage/lifecycle/cancel-delete} (200): within the 14 days, restores and activates. */
    public void cancelDelete(String accountId) {
        transport.send(endpoint, ApiRequest.post("/users/{}/manage/lifecycle/cancel-delete", accountId)
                .operation("userManagement.cancelDelete"));
    }

    /**
     * {@code GET /users/{id}/manage/api-tokens} (200): the account's API tokens (needs {@code apiToken.read}).
     * Never null: an empty answer is no tokens.
     */
    public List<ApiToken> apiTokens(String accountId) {
        ApiToken[] tokens = transport.send(endpoint, ApiRequest.get("/users/{}/manage/api-tokens", accountId)
                .operation("userManagement.apiTokens"), ApiToken[].class);
        return tokens == null ? List.of() : List.of(tokens);
    }

    /** {@code DELETE /users/{id}/manage/api-tokens/{tokenId}} (204): revokes one token (needs {@code apiToken.delete}). */
    public void deleteApiToken(String accountId, String tokenId) {
        if (tokenId == null || tokenId.isBlank()) {
            throw new IllegalArgumentException("deleteApiToken needs a token id");
        }
        transport.send(endpoint, ApiRequest.delete("/users/{}/manage/api-tokens/{}", accountId, tokenId)
                .operation("userManagement.deleteApiToken"));
    }
}
