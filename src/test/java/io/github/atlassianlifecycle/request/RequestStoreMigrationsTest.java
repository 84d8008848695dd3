package io.github.atlassianlifecycle.request;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The request store's migrations on H2, the demo's and the tests' database. */
class RequestStoreMigrationsTest extends RequestStoreMigrationsContract {

    @Override
    DataSource freshDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:request-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }
}
