package io.github.atlassianlifecycle.request;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The request store, in the application's (and engine's) database; its tables are created when missing. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(NamedParameterJdbcTemplate.class)
public class RequestStoreAutoConfiguration {

    @Bean(initMethod = "createSchema")
    @ConditionalOnMissingBean
    RequestRepository requestRepository(NamedParameterJdbcTemplate jdbc) {
        return new RequestRepository(jdbc);
    }
}
