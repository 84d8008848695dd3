package io.github.atlassianlifecycle.request;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and evolves the request store's tables with versioned SQL scripts ({@value #LOCATION}, H2 and PostgreSQL
 * alike). The plugin runs its own Flyway instance with its own history table ({@value #HISTORY_TABLE}), so an
 * application's own Flyway (Spring Boot's, with {@code flyway_schema_history} and {@code db/migration}) neither sees
 * these scripts nor is replaced by them: this is deliberately not a {@link Flyway} bean.
 *
 * <p>The schema the request store lives in also holds the engine's tables (and often the application's), so it is
 * rarely empty: a schema without this history table is baselined at version 0 and V1 creates what is missing.
 * V1 only creates what does not exist, so databases made by the plugin before it used migrations pass through it.
 */
public class RequestStoreMigrations {

    public static final String LOCATION = "classpath:db/atlassian-lifecycle";
    public static final String HISTORY_TABLE = "atlassian_lifecycle_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(RequestStoreMigrations.class);

    private final DataSource dataSource;

    public RequestStoreMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies every pending script; a failed script fails the startup (Flyway names the script and the cause). */
    public MigrateResult migrate() {
        MigrateResult result = Flyway.configure(RequestStoreMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("request store before versioned migrations")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Request store migrated to version {} ({} scripts)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return result;
    }
}
