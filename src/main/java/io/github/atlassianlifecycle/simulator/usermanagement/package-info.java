/**
 * The user management API: privileges, profile, the account lifecycle (disable, enable, delete, cancel-delete) and
 * the account's API tokens (list, revoke).
 */
package io.github.atlassianlifecycle.simulator.usermanagement;
