package io.github.atlassianlifecycle.lifecycle.reconcile.source;

/** The products whose presence a reconciliation compares with the directory. */
public enum Product {
    JIRA, CONFLUENCE, BITBUCKET
}
