/**
 * The request store's view of the engine: each lifecycle instance's request kept on record from start to end
 * (started through either door), every Atlassian call recorded against it, and {@code CamundaRequestEngine}, the
 * engine behind {@link io.github.atlassianlifecycle.request.RequestService}. Uses the rooms below it.
 */
package io.github.atlassianlifecycle.process.tracking;
