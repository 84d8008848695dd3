/**
 * What operators see: {@link io.github.atlassianlifecycle.ops.LifecycleEvents}, the port the process side reports
 * through, and its Spring side ({@code OperationsAutoConfiguration}): Micrometer meters ({@code metrics}) and the
 * Atlassian API health indicators ({@code health}). Imports no engine types: what it needs of the engine comes
 * through ports the process room implements.
 */
package io.github.atlassianlifecycle.ops;
