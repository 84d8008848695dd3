/** The user management API: privileges, profile, and the account lifecycle (disable, enable, delete, cancel-delete). */
package io.github.atlassianlifecycle.simulator.usermanagement;
