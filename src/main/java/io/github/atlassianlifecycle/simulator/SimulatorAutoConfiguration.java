package io.github.atlassianlifecycle.simulator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The simulator for a host application that adds the {@code simulator} classifier jar (test scope), named in that
 * jar's own {@code AutoConfiguration.imports}: it switches on with {@code simulator.enabled=true}, exactly as in this
 * project, because it is the same {@link SimulatorConfiguration}.
 */
@AutoConfiguration
@Import(SimulatorConfiguration.class)
public class SimulatorAutoConfiguration {
}
