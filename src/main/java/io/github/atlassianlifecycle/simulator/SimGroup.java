package io.github.atlassianlifecycle.simulator;

/**
 * A group in one namespace (the org directory, Jira or Confluence). Membership is kept on {@link SimAccount}.
 * A group made through SCIM is owned by the identity provider and read-only elsewhere.
 */
public final class SimGroup {

    final String id;
    final String name;
    String description;
    boolean managedByScim;
    /** Product access the group grants (org role assignments): resource id to role id. */
    final java.util.Map<String, String> roleAssignments = new java.util.LinkedHashMap<>();

    SimGroup(String id, String name, String description) {
        this.id = id;
        this.name = name;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }
}
