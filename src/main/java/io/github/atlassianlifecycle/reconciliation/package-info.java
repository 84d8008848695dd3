/**
 * The reconciliation store: reconciliations, the progress of their reads, the pages they saw and their findings, in
 * the plugin's own tables (migration V3 of {@code db/atlassian-lifecycle}). Spring JDBC; no Camunda.
 */
package io.github.atlassianlifecycle.reconciliation;
