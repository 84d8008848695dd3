package io.github.atlassianlifecycle.lifecycle.operation;

/**
 * The inputs and outputs the operations share, declared once so that every operation names and constrains them
 * alike.
 */
final class OperationFields {

    /** An Atlassian account id: letters, digits, colons, dashes and underscores. */
    static final String ACCOUNT_ID_PATTERN = "[A-Za-z0-9:_-]{1,128}";
    /** An email address: something, one at sign, a domain. */
    static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    /** An id Atlassian gave (group, SCIM user): no blanks, no slashes, which would change the path it goes in. */
    static final String ID_PATTERN = "[^\\s/]{1,256}";
    /** A name shown to people: not blank, at most 256 characters. */
    static final String NAME_PATTERN = "(?=[\\s\\S]*\\S)[\\s\\S]{1,256}";

    static final OperationInput ACCOUNT_ID = OperationInput.required("accountId",
            "Atlassian account id of the person", ACCOUNT_ID_PATTERN);
    static final OperationInput EMAIL = OperationInput.required("email", "Email address of the person", EMAIL_PATTERN);
    static final OperationInput DISPLAY_NAME = OperationInput.required("displayName",
            "The person's name as Atlassian shows it", NAME_PATTERN);
    static final OperationInput SCIM_ID = OperationInput.required("scimId",
            "SCIM user id of the person in the organization's identity-provider directory", ID_PATTERN);
    static final OperationInput ORG_GROUP_ID = OperationInput.required("groupId",
            "Id of the organization group", ID_PATTERN);
    static final OperationInput JIRA_GROUP_ID = OperationInput.required("groupId", "Id of the Jira group", ID_PATTERN);
    static final OperationInput CONFLUENCE_GROUP_ID = OperationInput.required("groupId",
            "Id of the Confluence group", ID_PATTERN);
    static final OperationInput BITBUCKET_USER = OperationInput.required("userName",
            "The person's user name in Bitbucket Data Center (Bitbucket keeps its own users, by name)", NAME_PATTERN);
    static final OperationInput BITBUCKET_GROUP = OperationInput.required("group",
            "Name of the Bitbucket Data Center group", NAME_PATTERN);

    static final OperationOutput OUTCOME = new OperationOutput("outcome",
            "APPLIED when the call changed Atlassian, ALREADY_DONE when Atlassian was already so (read first)");
    static final OperationOutput CHANGED = new OperationOutput("changed",
            "true when the call changed Atlassian, false when there was nothing to do");

    private OperationFields() {
    }
}
