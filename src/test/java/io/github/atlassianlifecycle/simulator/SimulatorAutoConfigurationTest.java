package io.github.atlassianlifecycle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.atlassianlifecycle.simulator.core.SimulatorState;
import io.github.atlassianlifecycle.simulator.organizations.OrganizationsController;

/** What a host application gets from the simulator classifier jar's auto-configuration. */
class SimulatorAutoConfigurationTest {

    final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SimulatorAutoConfiguration.class));

    @Test
    void the_simulator_switches_on_with_simulator_enabled() {
        runner.withPropertyValues("simulator.enabled=true", "simulator.users=3").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SimulatorState.class)
                    .hasSingleBean(OrganizationsController.class);
            assertThat(context.getBean(SimulatorState.class).locked(() -> context.getBean(SimulatorState.class)
                    .accounts().stream().filter(account -> account.managed).count())).isEqualTo(3);
        });
    }

    @Test
    void without_simulator_enabled_nothing_of_it_exists() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SimulatorState.class)
                .doesNotHaveBean(OrganizationsController.class));
        runner.withPropertyValues("atlassian.simulator.enabled=true").run(context -> assertThat(context)
                .doesNotHaveBean(SimulatorState.class));
    }
}
