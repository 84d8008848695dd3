/**
 * {@code /api/requests}: submit, read, cancel and undo one request, and its dry run.
 */
package io.github.atlassianlifecycle.api.request;
