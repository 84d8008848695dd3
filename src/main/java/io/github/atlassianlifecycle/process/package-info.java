/**
 * The Camunda side, and the only place that knows Camunda: the auto-configuration that registers every piece of it
 * (the beans the models name, the engine plugins, the request service over its engine) and the timer durations the
 * models read. Its rooms, from the bottom up, each using only those below it: {@code variables}, {@code seal},
 * {@code engine}, {@code decisions}, {@code notify}, {@code steps}, {@code preview}, {@code tracking}.
 */
package io.github.atlassianlifecycle.process;
