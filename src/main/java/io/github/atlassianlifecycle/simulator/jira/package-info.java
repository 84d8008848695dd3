/** Jira Cloud's user and group endpoints on the simulated site. */
package io.github.atlassianlifecycle.simulator.jira;
