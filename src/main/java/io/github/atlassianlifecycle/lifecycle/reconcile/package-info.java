/**
 * Reconciliation: drives the reads of {@link io.github.atlassianlifecycle.lifecycle.reconcile.source} (the
 * organization's directory and the products, page by page, read-only client calls), keeps what it saw in a {@link io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationLedger} so a read that
 * dies halfway continues from its saved cursors, and classifies the drift into findings. No Spring, no Camunda: the
 * storage and the process that drive it live in the rooms above.
 */
package io.github.atlassianlifecycle.lifecycle.reconcile;
