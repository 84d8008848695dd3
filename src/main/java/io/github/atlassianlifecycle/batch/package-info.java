/**
 * Bulk requests: a batch of rows submitted at once, approved as a whole (rows can be excluded), then one request of
 * its own per approved row, started through the same {@link io.github.atlassianlifecycle.request.RequestService} as
 * a single request. The batch and its rows live in the plugin's tables ({@code lifecycle_batch},
 * {@code lifecycle_batch_row}); the batch's approval process is reached through {@link
 * io.github.atlassianlifecycle.batch.BatchEngine} only, so this room knows no engine type. It sits above the request
 * rules and below the process glue.
 */
package io.github.atlassianlifecycle.batch;
