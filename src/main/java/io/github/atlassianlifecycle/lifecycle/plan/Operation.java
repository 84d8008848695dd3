package io.github.atlassianlifecycle.lifecycle.plan;

import io.github.atlassianlifecycle.client.ApiFamily;

/** Every change a plan can ask for, with the API that makes it and what it does, in an approver's words. */
public enum Operation {
    DEACTIVATE(ApiFamily.USER_MANAGEMENT, "deactivate",
            "blocks the account from every Atlassian product; billing stops; reversible (enable)"),
    REACTIVATE(ApiFamily.USER_MANAGEMENT, "enable", "lets the account sign in again"),
    DELETE_ACCOUNT(ApiFamily.USER_MANAGEMENT, "delete",
            "schedules the account for deletion; Atlassian closes it after 14 days (cancel-delete until then)"),
    CANCEL_DELETION(ApiFamily.USER_MANAGEMENT, "cancel-delete", "cancels the scheduled deletion and reactivates the account"),
    SUSPEND(ApiFamily.ORGANIZATIONS, "suspend",
            "removes access to every app of the organization; groups and roles are kept; not billed; reversible (restore)"),
    RESTORE(ApiFamily.ORGANIZATIONS, "restore", "gives back access to the organization's apps, with groups and roles"),
    REMOVE_FROM_DIRECTORY(ApiFamily.ORGANIZATIONS, "remove from directory",
            "removes the account from the organization: groups and roles are lost; only a new invitation brings it back"),
    INVITE(ApiFamily.ORGANIZATIONS, "invite", "adds the person to the organization (creates the account if it is new)"),
    ADD_ORG_GROUP(ApiFamily.ORGANIZATIONS, "add to group", "adds the account to an organization group"),
    REMOVE_ORG_GROUP(ApiFamily.ORGANIZATIONS, "remove from group", "removes the account from an organization group"),
    SCIM_CREATE(ApiFamily.SCIM, "create user", "provisions the person through SCIM (links an existing managed account)"),
    SCIM_DEACTIVATE(ApiFamily.SCIM, "set active=false",
            "deactivates the account the identity provider manages (an org-level change would be undone by the next sync)"),
    SCIM_ACTIVATE(ApiFamily.SCIM, "set active=true", "reactivates the account the identity provider manages"),
    SCIM_DELETE(ApiFamily.SCIM, "delete user", "unlinks the account from the identity provider and deactivates it"),
    ADD_JIRA_GROUP(ApiFamily.JIRA, "add to group", "adds the account to a Jira group (and the seat it grants)"),
    REMOVE_JIRA_GROUP(ApiFamily.JIRA, "remove from group", "removes the account from a Jira group and frees the seat it holds"),
    REMOVE_FROM_JIRA(ApiFamily.JIRA, "remove user", "removes the account from Jira's user base (the Atlassian account stays)"),
    ADD_CONFLUENCE_GROUP(ApiFamily.CONFLUENCE, "add to group", "adds the account to a Confluence group"),
    REMOVE_CONFLUENCE_GROUP(ApiFamily.CONFLUENCE, "remove from group",
            "removes the account from a Confluence group and frees the seat it holds"),
    ADD_BITBUCKET_GROUP(ApiFamily.BITBUCKET, "add to group",
            "adds the Bitbucket Data Center user (by user name) to a Bitbucket group"),
    REMOVE_BITBUCKET_GROUP(ApiFamily.BITBUCKET, "remove from group",
            "removes the Bitbucket Data Center user (by user name) from a Bitbucket group");

    private final ApiFamily family;
    private final String verb;
    private final String effect;

    Operation(ApiFamily family, String verb, String effect) {
        this.family = family;
        this.verb = verb;
        this.effect = effect;
    }

    public ApiFamily family() {
        return family;
    }

    public String verb() {
        return verb;
    }

    public String effect() {
        return effect;
    }
}
