package io.github.atlassianlifecycle.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchRepository;
import io.github.atlassianlifecycle.batch.BatchRow;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

/**
 * The request store's migrations, the same on every database the plugin supports (H2 here, PostgreSQL in
 * {@code RequestStorePostgresIT}): a new database gets exactly the tables the plugin used to create in code, a
 * database made by that old code migrates without losing a row, and a second run changes nothing.
 */
abstract class RequestStoreMigrationsContract {

    static final Set<String> TABLES = Set.of("lifecycle_request", "lifecycle_api_call");

    /** A database of its own for each call, empty. */
    abstract DataSource freshDatabase() throws Exception;

    @Test
    void a_new_database_gets_exactly_the_tables_columns_and_indexes_the_old_code_created() throws Exception {
        DataSource migrated = freshDatabase();
        MigrateResult result = new RequestStoreMigrations(migrated).migrate();
        assertThat(result.migrationsExecuted).isEqualTo(6);
        assertThat(result.targetSchemaVersion).isEqualTo("6");

        DataSource old = freshDatabase();
        createTheOldWay(old);
        assertThat(schema(migrated)).isEqualTo(schema(old)).isNotEmpty();
    }

    @Test
    void a_schema_that_already_holds_other_tables_such_as_the_engines_is_migrated_too() throws Exception {
        DataSource database = freshDatabase();
        new JdbcTemplate(database).execute("CREATE TABLE act_ge_property (name_ VARCHAR(64) PRIMARY KEY)");
        MigrateResult result = new RequestStoreMigrations(database).migrate();
        assertThat(result.migrationsExecuted).isEqualTo(6);
        assertThat(tablesIn(database)).containsAll(TABLES).contains("lifecycle_batch", "lifecycle_batch_row")
                .contains("lifecycle_campaign", "lifecycle_campaign_row");
    }

    @Test
    void a_database_made_by_the_old_code_is_baselined_keeps_its_rows_and_works() throws Exception {
        DataSource database = freshDatabase();
        createTheOldWay(database);
        RequestRepository before = new RequestRepository(new NamedParameterJdbcTemplate(database));
        before.insert(request("kept-1", "acc-kept"), "idem-1");
        List<String> schemaBefore = schema(database);

        MigrateResult result = new RequestStoreMigrations(database).migrate();

        assertThat(result.success).isTrue();
        // Flyway quotes its own names (lower case), on H2 and PostgreSQL alike; on H2 it adds an unversioned marker row.
        assertThat(new JdbcTemplate(database).queryForList("SELECT \"version\" FROM \""
                + RequestStoreMigrations.HISTORY_TABLE + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class))
                .containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(schema(database)).isEqualTo(schemaBefore);
        RequestRepository after = new RequestRepository(new NamedParameterJdbcTemplate(database));
        assertThat(after.find("kept-1")).hasValueSatisfying(r -> assertThat(r.accountId()).isEqualTo("acc-kept"));
        assertThat(after.findOpen(LifecycleAction.DISABLE, "ACC-KEPT")).isPresent();
    }

    @Test
    void a_database_from_before_the_longer_outcome_keeps_its_rows_and_takes_long_outcomes() throws Exception {
        DataSource database = freshDatabase();
        createTheOldWay(database, "outcome VARCHAR(16)");
        new RequestRepository(new NamedParameterJdbcTemplate(database)).insert(request("short-1", "acc-short"), null);

        new RequestStoreMigrations(database).migrate();

        DataSource current = freshDatabase();
        createTheOldWay(current);
        assertThat(schema(database)).isEqualTo(schema(current));
        RequestRepository repository = new RequestRepository(new NamedParameterJdbcTemplate(database));
        repository.attachProcess("short-1", "pi-short");
        String designers = "rejected-by-the-works-council-after-review";
        repository.close("pi-short", RequestStatus.REJECTED, designers, Instant.now());
        assertThat(repository.find("short-1")).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(designers));
    }

    @Test
    void a_second_run_applies_nothing_and_the_store_works_on_the_migrated_tables() throws Exception {
        DataSource database = freshDatabase();
        new RequestStoreMigrations(database).migrate();
        assertThat(new RequestStoreMigrations(database).migrate().migrationsExecuted).isZero();

        RequestRepository repository = new RequestRepository(new NamedParameterJdbcTemplate(database));
        repository.insert(request("r-1", "acc-1"), null);
        repository.attachProcess("r-1", "pi-1");
        repository.recordApiCall("pi-1", new RecordedApiCall(Instant.parse("2026-01-02T03:04:05Z"), 12, "ORGANIZATIONS",
                "getUser", "GET", "/admin/v1/orgs/o/users", 200, "trace-1"));
        repository.close("pi-1", RequestStatus.COMPLETED, "completed", Instant.parse("2026-01-02T03:05:00Z"));
        assertThat(repository.find("r-1")).hasValueSatisfying(r -> {
            assertThat(r.finalStatus()).isEqualTo(RequestStatus.COMPLETED);
            assertThat(r.groups()).containsExactly("jira:developers");
        });
        assertThat(repository.apiCalls("pi-1")).singleElement()
                .satisfies(call -> assertThat(call.atlassianRequestId()).isEqualTo("trace-1"));
        assertThat(repository.findOpen(LifecycleAction.DISABLE, "acc-1")).as("closed: the account is free").isEmpty();
    }

    @Test
    void the_batch_tables_keep_a_batch_its_rows_its_decision_and_the_requests_started_for_it() throws Exception {
        DataSource database = freshDatabase();
        new RequestStoreMigrations(database).migrate();
        BatchRepository batches = new BatchRepository(new NamedParameterJdbcTemplate(database));
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        Batch batch = new Batch("b-1", "automation", Batch.Source.CSV, null, null, null, null, null, at);
        NewRequest add = new NewRequest(LifecycleAction.ADD, null, "new@example.com", "New Person",
                List.of("jira:developers"), "Joins, with a reason of " + "x".repeat(1900), "ACCESS_REQUEST");
        batches.insert(batch, List.of(BatchRow.good(2, add), BatchRow.refused(3, "e".repeat(5000)),
                BatchRow.good(4, new NewRequest(LifecycleAction.DISABLE, "acc-4", null, null, List.of(), "Left",
                        "TERMINATION"))));

        assertThat(batches.attachProcess("b-1", "someone-else", "pi-x")).as("only the submitter's").isFalse();
        assertThat(batches.attachProcess("b-1", "automation", "pi-1")).isTrue();
        assertThat(batches.attachProcess("b-1", "automation", "pi-2")).as("once").isFalse();
        assertThat(batches.decide("b-1", Batch.Decision.APPROVED, "approver", at, "ok", List.of(4))).isTrue();
        assertThat(batches.decide("b-1", Batch.Decision.REJECTED, "other", at, "no", List.of())).as("once").isFalse();
        batches.started("b-1", 2, "r-2");

        assertThat(batches.find("b-1")).hasValueSatisfying(found -> {
            assertThat(found.processInstanceId()).isEqualTo("pi-1");
            assertThat(found.decision()).isEqualTo(Batch.Decision.APPROVED);
            assertThat(found.decidedBy()).isEqualTo("approver");
            assertThat(found.decidedAt()).isEqualTo(at);
        });
        assertThat(batches.rows("b-1")).extracting(BatchRow::line, BatchRow::requestId, BatchRow::excluded)
                .containsExactly(tuple(2, "r-2", false), tuple(3, null, false), tuple(4, null, true));
        assertThat(batches.row("b-1", 2)).hasValueSatisfying(row -> assertThat(row.request()).isEqualTo(add));
        assertThat(batches.row("b-1", 3)).hasValueSatisfying(row -> assertThat(row.error()).hasSize(4000));
        assertThat(batches.batchOfRequest("r-2")).hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("b-1"));
        assertThat(batches.search("automation", 0, 10)).extracting(Batch::id).containsExactly("b-1");
        assertThat(batches.search("requester", 0, 10)).isEmpty();
    }

    // ---- helpers

    private static void createTheOldWay(DataSource database) throws Exception {
        createTheOldWay(database, "outcome VARCHAR(64)");
    }

    /** The old DDL, with the outcome column as given (earlier code made it 16 wide). */
    private static void createTheOldWay(DataSource database, String outcome) throws Exception {
        String script = new ClassPathResource("request/request-store-before-migrations.sql")
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "")
                .replace("outcome VARCHAR(64)", outcome);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (String statement : script.split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
    }

    private static StoredRequest request(String id, String accountId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new StoredRequest(id, LifecycleAction.DISABLE, accountId, null, null, List.of("jira:developers"),
                "Left", "TERMINATION", "requester", null, null, null, now, now, "hash", null);
    }

    private static Set<String> tablesIn(DataSource database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = database.getConnection();
                ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** Every column (name, type, size, nullability) and index (name, uniqueness, column) of the store's tables. */
    static List<String> schema(DataSource database) throws SQLException {
        Set<String> description = new TreeSet<>();
        try (Connection connection = database.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : TABLES) {
                String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet columns = meta.getColumns(null, null, name, "%")) {
                    while (columns.next()) {
                        description.add(table + " column " + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                + " " + columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + "("
                                + columns.getInt("COLUMN_SIZE") + ") nullable=" + columns.getString("IS_NULLABLE")
                                + " autoincrement=" + columns.getString("IS_AUTOINCREMENT"));
                    }
                }
                try (ResultSet indexes = meta.getIndexInfo(null, null, name, false, false)) {
                    while (indexes.next()) {
                        String index = indexes.getString("INDEX_NAME");
                        if (index == null) {
                            continue;
                        }
                        String lower = index.toLowerCase(Locale.ROOT);
                        // Primary key indexes get generated names, different for every creation.
                        String shown = lower.startsWith("lifecycle_") ? lower : "primary key";
                        description.add(table + " index " + shown + " unique=" + !indexes.getBoolean("NON_UNIQUE")
                                + " on " + indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return List.copyOf(description);
    }
}
