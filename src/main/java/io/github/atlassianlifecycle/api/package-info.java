/**
 * The request API's doorway, shared by its rooms below: who is calling ({@link io.github.atlassianlifecycle.api.Caller}),
 * refusals as RFC 9457 problem details ({@link io.github.atlassianlifecycle.api.Problems}), the query-parameter guard
 * that refuses a mistyped flag before it can make a change, and the auto-configuration that builds every controller.
 */
package io.github.atlassianlifecycle.api;
