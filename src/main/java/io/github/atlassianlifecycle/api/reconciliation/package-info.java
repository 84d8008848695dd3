/**
 * {@code /api/reconciliations}: start a reconciliation (or its dry run) and read its findings.
 */
package io.github.atlassianlifecycle.api.reconciliation;
