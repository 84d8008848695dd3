package io.github.atlassianlifecycle.lifecycle;

/**
 * Business outcomes a lifecycle step can end in. Each code is also the BPMN error code the processes catch, so
 * a designer can route each one to its own path.
 */
public enum BusinessError {
    /** The account does not exist (or is closed). */
    ACCOUNT_NOT_FOUND,
    /** The account's email is not on a domain the organization has claimed: user management cannot touch it. */
    ACCOUNT_NOT_MANAGED,
    /** An identity provider (SCIM, Google) owns the account; change it there, or through SCIM. */
    MANAGED_BY_IDENTITY_PROVIDER,
    /** Atlassian refused the change in the account's current state (409). */
    NOT_ELIGIBLE,
    /** No seat left on the product licence. */
    LICENCE_LIMIT,
    /** The configured credential was refused or lacks the right (401, 403): an administrator must fix it. */
    NOT_AUTHORIZED,
    /** A requested group does not exist in the organization, Jira or Confluence. */
    UNKNOWN_GROUP,
    /** Applying the plan did not leave the account as planned (checked by reading it back). */
    NOT_AS_PLANNED,
    /** Atlassian rejected the request as malformed (400). */
    INVALID_REQUEST,
    /** Anything else Atlassian refused. */
    REFUSED
}
