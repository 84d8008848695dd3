package io.github.atlassianlifecycle.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The request store's repository and its migrations back off when the application defines its own. */
class RequestStoreBackOffTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, RequestStoreAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:request-store-back-off;DB_CLOSE_DELAY=-1");

    @Test
    void without_beans_of_the_applications_own_the_plugin_migrates_its_tables_and_supplies_the_repository() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RequestRepository.class)
                    .hasSingleBean(RequestStoreMigrations.class);
            assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM lifecycle_request", Integer.class)).isNotNull();
        });
    }

    @Test
    void the_applications_own_repository_replaces_the_plugins() {
        RequestRepository own = mock(RequestRepository.class);
        runner.withBean("applicationsOwn", RequestRepository.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RequestRepository.class);
            assertThat(context.getBean(RequestRepository.class)).isSameAs(own);
        });
    }

    @Test
    void the_applications_own_migrations_replace_the_plugins() {
        RequestStoreMigrations own = mock(RequestStoreMigrations.class);
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:request-store-own-migrations;DB_CLOSE_DELAY=-1")
                .withBean("applicationsOwn", RequestStoreMigrations.class, () -> own).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RequestStoreMigrations.class);
                    assertThat(context.getBean(RequestStoreMigrations.class)).isSameAs(own);
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM"
                            + " INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'LIFECYCLE_REQUEST'", Integer.class))
                            .as("the plugin's migrations did not run").isZero();
                });
    }
}
