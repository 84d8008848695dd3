/**
 * {@code /api/requests/bulk} and {@code /api/batches}: many requests at once from CSV or JSON, and their batches.
 */
package io.github.atlassianlifecycle.api.batch;
