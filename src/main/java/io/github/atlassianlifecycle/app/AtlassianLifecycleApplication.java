package io.github.atlassianlifecycle.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import io.github.atlassianlifecycle.simulator.SimulatorConfiguration;

/**
 * The ready-to-run application: Camunda with its webapps and REST API, plus this plugin (which arrives through
 * auto-configuration, exactly as in any other Camunda Spring Boot app that adds the jar). Only the
 * application-specific parts live in this package. The built-in Atlassian simulator is not part of the plugin: the
 * application brings it itself, switched on by {@code simulator.enabled} (profiles demo and simulator).
 */
@SpringBootApplication
@Import(SimulatorConfiguration.class)
public class AtlassianLifecycleApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AtlassianLifecycleApplication.class);
        application.addListeners(new ProductionSettingsCheck());
        application.run(args);
    }
}
