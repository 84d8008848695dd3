package io.github.atlassianlifecycle.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockPropertySource;

/**
 * The plugin brings Flyway onto the host's class path, and with it Spring Boot's own Flyway, which refuses a schema
 * that holds tables but no {@code flyway_schema_history} ("Found non-empty schema"): a host that never used Flyway
 * would stop starting. Boot's Flyway is switched off for such a host only; a host that uses Flyway keeps it.
 */
class BootFlywayWithoutMigrationsTest {

    @Test
    void a_host_that_never_used_flyway_gets_boots_flyway_switched_off() {
        StandardEnvironment environment = processed(new StandardEnvironment(), getClass().getClassLoader());
        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
    }

    @Test
    void a_host_that_set_any_flyway_setting_keeps_its_flyway_as_it_was() {
        for (String setting : new String[] { "spring.flyway.enabled=true", "spring.flyway.locations=classpath:host/db" }) {
            StandardEnvironment environment = new StandardEnvironment();
            String[] pair = setting.split("=");
            environment.getPropertySources().addFirst(new MockPropertySource().withProperty(pair[0], pair[1]));
            processed(environment, getClass().getClassLoader());
            assertThat(environment.getProperty("spring.flyway.enabled")).as(setting)
                    .isEqualTo(pair[0].endsWith("enabled") ? "true" : null);
        }
    }

    @Test
    void a_host_with_migrations_at_flyways_default_location_keeps_its_flyway(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("db/migration"));
        Files.writeString(classes.resolve("db/migration/V1__host.sql"), "CREATE TABLE host_thing (id INT);");
        try (URLClassLoader host = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
            StandardEnvironment environment = processed(new StandardEnvironment(), host);
            assertThat(environment.getProperty("spring.flyway.enabled")).isNull();
        }
    }

    @Test
    void the_switch_is_the_weakest_setting_so_anything_the_host_sets_later_wins() {
        StandardEnvironment environment = processed(new StandardEnvironment(), getClass().getClassLoader());
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .isEqualTo(BootFlywayWithoutMigrations.SOURCE);
    }

    private static StandardEnvironment processed(StandardEnvironment environment, ClassLoader classLoader) {
        SpringApplication application = new SpringApplication();
        application.setResourceLoader(new DefaultResourceLoader(classLoader));
        new BootFlywayWithoutMigrations().postProcessEnvironment(environment, application);
        return environment;
    }
}
