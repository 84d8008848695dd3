/**
 * The built-in Atlassian simulator, its own building beside the plugin: one package per simulated API family
 * (mirroring {@code client}), {@code control} for the simulator's own switches and records, and {@code core} for the
 * simulated world they share. Families and control depend on core only, never on each other. Shipped in the
 * runnable jar and in the {@code simulator} classifier jar, never in the plain plugin jar.
 */
package io.github.atlassianlifecycle.simulator;
