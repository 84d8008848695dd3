/**
 * What a reconciliation reads: the organization's directory and each product's people, page by page, through
 * read-only client calls, as {@link io.github.atlassianlifecycle.lifecycle.reconcile.source.SourcePage}s whose
 * cursors let a read that died continue where it stopped. It knows nothing of findings: classifying what was read is
 * the room above's job. No Spring, no Camunda.
 */
package io.github.atlassianlifecycle.lifecycle.reconcile.source;
