/**
 * {@code /api/campaigns}: start an inactivity campaign, read its report, and the keep link a person follows.
 */
package io.github.atlassianlifecycle.api.campaign;
