package io.github.atlassianlifecycle.app;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo and simulator profiles, refuses to start without an administrator password from the
 * environment, or with one of the demo passwords. Runs before any bean exists, so no demo user is ever created
 * in production. The message names the setting, never its value.
 */
public class ProductionSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
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
    }
}
