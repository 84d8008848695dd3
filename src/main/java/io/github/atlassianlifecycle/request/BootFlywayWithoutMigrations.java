package io.github.atlassianlifecycle.request;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Spring Boot runs a Flyway of its own whenever Flyway is on the class path, and this plugin puts it there (for
 * {@link RequestStoreMigrations}). In an application that has no migrations of its own, that Flyway would find the
 * engine's tables, no {@code flyway_schema_history} beside them, and stop the startup ("Found non-empty schema").
 * So when the application has set no {@code spring.flyway.*} at all and has no scripts at Flyway's default
 * location, this switches Boot's Flyway off, as the lowest-precedence setting (anything the application sets wins).
 * An application that uses Flyway itself keeps it exactly as it was.
 */
public class BootFlywayWithoutMigrations implements EnvironmentPostProcessor {

    static final String ENABLED = "spring.flyway.enabled";
    static final String DEFAULT_LOCATION = "classpath*:db/migration/**/*";
    static final String SOURCE = "atlassian-lifecycle: no Flyway migrations of the application's own";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean configured = !Binder.get(environment)
                .bind("spring.flyway", Bindable.mapOf(String.class, Object.class)).orElse(Map.of()).isEmpty();
        if (configured || hasDefaultMigrations(application == null ? null : application.getClassLoader())) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(ENABLED, "false")));
    }

    private static boolean hasDefaultMigrations(ClassLoader classLoader) {
        try {
            List<Resource> found = List.of(new PathMatchingResourcePatternResolver(classLoader).getResources(DEFAULT_LOCATION));
            return found.stream().anyMatch(Resource::isReadable);
        } catch (IOException e) {
            return true; // cannot tell: leave Boot's Flyway as it is
        }
    }
}
