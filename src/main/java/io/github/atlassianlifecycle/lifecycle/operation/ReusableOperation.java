package io.github.atlassianlifecycle.lifecycle.operation;

import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.ACCOUNT_ID;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.ACCOUNT_ID_PATTERN;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.BITBUCKET_GROUP;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.BITBUCKET_USER;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.CHANGED;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.CONFLUENCE_GROUP_ID;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.DISPLAY_NAME;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.EMAIL;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.EMAIL_PATTERN;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.JIRA_GROUP_ID;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.NAME_PATTERN;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.ORG_GROUP_ID;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.OUTCOME;
import static io.github.atlassianlifecycle.lifecycle.operation.OperationFields.SCIM_ID;

import java.util.List;
import java.util.Optional;

import io.github.atlassianlifecycle.lifecycle.plan.Operation;

/**
 * Every Atlassian operation a process designer can use on its own, declared once: its key, name and description,
 * its inputs (with their constraints) and its outputs. The element templates, the Camunda delegates and the Connect
 * connector are all derived from this list; {@link OperationRunner} runs any of them over the same code plans use.
 *
 * <p>Each operation that changes Atlassian is one {@link Operation} of a plan, made idempotently (read first, act
 * only if needed), except {@link #REVOKE_API_TOKENS}, which no plan makes (see {@link ApiTokenRevocation}); reading
 * an account and planning a request are the two that change nothing.
 */
public enum ReusableOperation {
    READ_ACCOUNT("readAccount", "Read account state",
            "Reads the account's live state from every configured API (organization, SCIM, Jira, Confluence); "
                    + "changes nothing. Give the account id or the email.",
            null,
            List.of(OperationInput.optional("accountId", "Atlassian account id of the person (or give email)",
                    ACCOUNT_ID_PATTERN),
                    OperationInput.optional("email", "Email address of the person (or give accountId)", EMAIL_PATTERN)),
            List.of(new OperationOutput("exists", "true when an account was found, false when none has the email"),
                    new OperationOutput("accountId", "Atlassian account id"),
                    new OperationOutput("email", "Email address"),
                    new OperationOutput("accountStatus", "active, inactive or closed"),
                    new OperationOutput("membershipStatus", "The organization membership: active, suspended, ..."),
                    new OperationOutput("managedBy", "ORGANIZATION, SCIM, GOOGLE or UNMANAGED"),
                    new OperationOutput("scimId", "SCIM user id, when an identity provider provisions the account"),
                    new OperationOutput("orgGroups", "Ids of the organization groups, comma-separated"),
                    new OperationOutput("inJira", "true when Jira knows the account"),
                    new OperationOutput("jiraGroups", "Ids of the Jira groups, comma-separated"),
                    new OperationOutput("confluenceGroups", "Ids of the Confluence groups, comma-separated"))),
    PLAN("plan", "Plan a request",
            "Computes from live state the calls a request would make (what the lifecycle processes show approvers); "
                    + "changes nothing.",
            null,
            List.of(OperationInput.required("action", "What to do: ADD, DISABLE, ENABLE or DELETE",
                    "ADD|DISABLE|ENABLE|DELETE"),
                    OperationInput.optional("accountId", "Atlassian account id of the person (or give email)",
                            ACCOUNT_ID_PATTERN),
                    OperationInput.optional("email", "Email address of the person (or give accountId)", EMAIL_PATTERN),
                    OperationInput.optional("displayName", "For ADD: the person's name", NAME_PATTERN),
                    OperationInput.optional("groups",
                            "For ADD: groups to grant, comma-separated (jira:NAME and confluence:NAME for product "
                                    + "groups)", "(?=[\\s\\S]*\\S)[\\s\\S]{1,4000}")),
            List.of(new OperationOutput("plan", "The plan as JSON: the account read, the calls and notes"),
                    new OperationOutput("callCount", "How many calls the plan makes (0: nothing to do)"))),
    SUSPEND("suspend", "Suspend organization access", Operation.SUSPEND, List.of(ACCOUNT_ID)),
    RESTORE("restore", "Restore organization access", Operation.RESTORE, List.of(ACCOUNT_ID)),
    DEACTIVATE("deactivate", "Deactivate account", Operation.DEACTIVATE, List.of(ACCOUNT_ID)),
    ENABLE("enable", "Enable account", Operation.REACTIVATE, List.of(ACCOUNT_ID)),
    DELETE("delete", "Delete account", Operation.DELETE_ACCOUNT, List.of(ACCOUNT_ID)),
    CANCEL_DELETION("cancelDeletion", "Cancel account deletion", Operation.CANCEL_DELETION, List.of(ACCOUNT_ID)),
    INVITE("invite", "Invite to the organization", Operation.INVITE, List.of(EMAIL)),
    SCIM_PROVISION("scimProvision", "Provision through SCIM", Operation.SCIM_CREATE, List.of(EMAIL, DISPLAY_NAME)),
    SCIM_DEPROVISION("scimDeprovision", "Deprovision through SCIM", Operation.SCIM_DEACTIVATE, List.of(SCIM_ID)),
    ADD_ORG_GROUP_MEMBER("addOrgGroupMember", "Add to organization group", Operation.ADD_ORG_GROUP,
            List.of(ACCOUNT_ID, ORG_GROUP_ID)),
    REMOVE_ORG_GROUP_MEMBER("removeOrgGroupMember", "Remove from organization group", Operation.REMOVE_ORG_GROUP,
            List.of(ACCOUNT_ID, ORG_GROUP_ID)),
    ADD_JIRA_GROUP_MEMBER("addJiraGroupMember", "Add to Jira group", Operation.ADD_JIRA_GROUP,
            List.of(ACCOUNT_ID, JIRA_GROUP_ID)),
    REMOVE_JIRA_GROUP_MEMBER("removeJiraGroupMember", "Remove from Jira group", Operation.REMOVE_JIRA_GROUP,
            List.of(ACCOUNT_ID, JIRA_GROUP_ID)),
    ADD_CONFLUENCE_GROUP_MEMBER("addConfluenceGroupMember", "Add to Confluence group", Operation.ADD_CONFLUENCE_GROUP,
            List.of(ACCOUNT_ID, CONFLUENCE_GROUP_ID)),
    REMOVE_CONFLUENCE_GROUP_MEMBER("removeConfluenceGroupMember", "Remove from Confluence group",
            Operation.REMOVE_CONFLUENCE_GROUP, List.of(ACCOUNT_ID, CONFLUENCE_GROUP_ID)),
    ADD_BITBUCKET_GROUP_MEMBER("addBitbucketGroupMember", "Add to Bitbucket group", Operation.ADD_BITBUCKET_GROUP,
            List.of(BITBUCKET_USER, BITBUCKET_GROUP)),
    REMOVE_BITBUCKET_GROUP_MEMBER("removeBitbucketGroupMember", "Remove from Bitbucket group",
            Operation.REMOVE_BITBUCKET_GROUP, List.of(BITBUCKET_USER, BITBUCKET_GROUP)),
    REMOVE_FROM_JIRA_SITE("removeFromJiraSite", "Remove from the Jira site", Operation.REMOVE_FROM_JIRA,
            List.of(ACCOUNT_ID)),
    REVOKE_API_TOKENS("revokeApiTokens", "Revoke API tokens",
            "User management: revokes every API token the managed account owns, so tokens made before cannot call "
                    + "Atlassian's APIs any more (needs the org key's apiToken.read and apiToken.delete). Lists "
                    + "first and revokes what is there: a second run revokes 0.",
            null, List.of(ACCOUNT_ID),
            List.of(new OperationOutput("revokedTokens", "How many API tokens were revoked (0: none was left)"),
                    OUTCOME, CHANGED));

    private final String key;
    private final String title;
    private final String description;
    private final Operation call;
    private final List<OperationInput> inputs;
    private final List<OperationOutput> outputs;

    /** An operation that changes Atlassian with one planned call: described by the call, answering its outcome. */
    ReusableOperation(String key, String title, Operation call, List<OperationInput> inputs) {
        this(key, title, call.family().displayName() + ": " + call.effect() + ". Reads first and acts only if needed.",
                call, inputs, List.of(OUTCOME, CHANGED));
    }

    ReusableOperation(String key, String title, String description, Operation call, List<OperationInput> inputs,
            List<OperationOutput> outputs) {
        this.key = key;
        this.title = title;
        this.description = description;
        this.call = call;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** The operation's one name in code (camelCase, stable): bean names and template ids are derived from it. */
    public String key() {
        return key;
    }

    /** The operation's name for people. */
    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The plan operation it makes, or empty for the operations that only read and for the token revocation. */
    public Optional<Operation> call() {
        return Optional.ofNullable(call);
    }

    public List<OperationInput> inputs() {
        return inputs;
    }

    public List<OperationOutput> outputs() {
        return outputs;
    }

    /** The operation with this key. */
    public static ReusableOperation ofKey(String key) {
        for (ReusableOperation operation : values()) {
            if (operation.key.equals(key)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("No Atlassian operation is called '" + key + "'");
    }
}
