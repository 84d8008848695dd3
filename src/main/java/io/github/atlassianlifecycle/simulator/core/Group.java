package io.github.atlassianlifecycle.simulator.core;

/**
 * A group in one namespace (the org directory, Jira or Confluence). Membership is kept on {@link Account}.
 * A group made through SCIM is owned by the identity provider and read-only elsewhere.
 */
public final class Group {

    public final String id;
    public final String name;
    public String description;
    public boolean managedByScim;
    /** Product access the group grants (org role assignments): resource id to role id. */
    public final java.util.Map<String, String> roleAssignments = new java.util.LinkedHashMap<>();

    public Group(String id, String name, String description) {
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
