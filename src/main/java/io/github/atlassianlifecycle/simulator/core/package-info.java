/**
 * The simulated world every API looks at, and what they share: accounts, groups, Bitbucket Data Center's own
 * users and SCIM's extra attributes under one lock ({@link io.github.atlassianlifecycle.simulator.core.SimulatorState}),
 * the seeded demo data, the settings, the credentials each API accepts, the movable clock, the undocumented
 * behaviours, the API families by path and their error body shapes. Depends on no other simulator package.
 */
package io.github.atlassianlifecycle.simulator.core;
