package io.github.atlassianlifecycle.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo and simulator profiles, refuses to start without an administrator password from the
 * environment, or with one of the demo passwords, and without a persistent database: with no
 * {@code spring.datasource.url} Spring Boot would quietly start on an in-memory H2, and every request, approval and
 * piece of evidence would vanish at the next restart. Runs before any bean exists, so no demo user is ever created
 * in production. The message names the setting, never its value (a JDBC URL may carry a password).
 */
public class ProductionSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
    static final String DATASOURCE_URL = "spring.datasource.url";
    /** JDBC URLs of databases that live only as long as the JVM (H2, HSQLDB, Derby, SQLite). */
    static final List<String> IN_MEMORY = List.of("jdbc:h2:mem:", "/mem:", "jdbc:hsqldb:mem:", "jdbc:derby:memory:",
            "jdbc:sqlite::memory:", "mode=memory");
    static final int MIN_LENGTH = 12;
    static final Set<String> DEMO_PASSWORDS = Set.of("demo", "requester", "approver", "security", "automation",
            "admin", "password", "changeme");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        Set<String> profiles = Set.of(environment.getActiveProfiles());
        if (profiles.contains("demo") || profiles.contains("simulator")) {
            return;
        }
        String password = environment.getProperty(ADMIN_PASSWORD);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("No administrator password: set LIFECYCLE_ADMIN_PASSWORD (" + ADMIN_PASSWORD
                    + "), or run the demo with the profile 'demo'.");
        }
        if (DEMO_PASSWORDS.contains(password.toLowerCase()) || password.length() < MIN_LENGTH) {
            throw new IllegalStateException("LIFECYCLE_ADMIN_PASSWORD (" + ADMIN_PASSWORD + ") is a demo password or"
                    + " shorter than " + MIN_LENGTH + " characters; choose a strong one. Active profiles: "
                    + Arrays.toString(environment.getActiveProfiles()));
        }
        String url = environment.getProperty(DATASOURCE_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("No database: set SPRING_DATASOURCE_URL (" + DATASOURCE_URL + ") to a"
                    + " persistent database such as PostgreSQL, or run the demo with the profile 'demo'.");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (IN_MEMORY.stream().anyMatch(lower::contains)) {
            throw new IllegalStateException("SPRING_DATASOURCE_URL (" + DATASOURCE_URL + ") points at an in-memory"
                    + " database, which loses every request at the next restart; use a persistent one such as"
                    + " PostgreSQL.");
        }
    }
}
