package io.github.atlassianlifecycle.reconciliation;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The reconciliation store on H2, the demo's and the tests' database. */
class ReconciliationStoreTest extends ReconciliationStoreContract {

    @Override
    DataSource freshDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:reconciliation-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }
}
