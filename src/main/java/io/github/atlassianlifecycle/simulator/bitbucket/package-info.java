/** Bitbucket Data Center's admin user and group endpoints, over its own user base. */
package io.github.atlassianlifecycle.simulator.bitbucket;
