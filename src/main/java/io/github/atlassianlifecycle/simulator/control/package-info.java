/**
 * The simulator's own endpoints under {@code /sim/_control} (accounts, calls, reset, clock, behaviour, faults), the
 * call log and the fault injector. Not part of any Atlassian API. A family's own inspection view (the org's groups
 * and seats, Bitbucket's users) lives with that family.
 */
package io.github.atlassianlifecycle.simulator.control;
