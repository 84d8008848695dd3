/**
 * The dry run's engine side: what a request's process would plan and how it would route the plan, worked out by the
 * models' own planning and their own decision table, without starting, storing or recording anything. Uses the
 * rooms below it.
 */
package io.github.atlassianlifecycle.process.preview;
