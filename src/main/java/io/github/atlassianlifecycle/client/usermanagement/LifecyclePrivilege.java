package io.github.atlassianlifecycle.client.usermanagement;

/** The privileges the pre-check asks about: {@code GET /users/{id}/manage?privileges=...}. */
public enum LifecyclePrivilege {
    ENABLEMENT("lifecycle.enablement"),
    DELETE("lifecycle.delete");

    private final String key;

    LifecyclePrivilege(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
