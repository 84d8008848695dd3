/** The organizations API (admin v1/v2): directory users and groups, invites, role assignments, cursor pages. */
package io.github.atlassianlifecycle.simulator.organizations;
