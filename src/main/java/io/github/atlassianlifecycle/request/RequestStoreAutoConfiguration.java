package io.github.atlassianlifecycle.request;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The request store, in the application's (and engine's) database; its tables are created and evolved by the
 * plugin's own migrations before the repository is used.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(NamedParameterJdbcTemplate.class)
public class RequestStoreAutoConfiguration {

    /** After the application's own database initialisation (its Flyway, Liquibase or SQL scripts), if any. */
    @Bean(initMethod = "migrate")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    RequestStoreMigrations requestStoreMigrations(NamedParameterJdbcTemplate jdbc) {
        return new RequestStoreMigrations(jdbc.getJdbcTemplate().getDataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    RequestRepository requestRepository(NamedParameterJdbcTemplate jdbc, RequestStoreMigrations migrations) {
        return new RequestRepository(jdbc);
    }
}
