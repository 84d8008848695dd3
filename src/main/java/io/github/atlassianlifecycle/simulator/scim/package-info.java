/** The SCIM 2.0 user provisioning API of one directory: users, groups, filters, PATCH, its configuration. */
package io.github.atlassianlifecycle.simulator.scim;
