package io.github.atlassianlifecycle.reconciliation;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.github.atlassianlifecycle.config.AtlassianClientAutoConfiguration;
import io.github.atlassianlifecycle.request.RequestStoreAutoConfiguration;
import io.github.atlassianlifecycle.request.RequestStoreMigrations;

/** The reconciliation store, in the tables the request store's migrations create (V3 on). */
@AutoConfiguration(after = { RequestStoreAutoConfiguration.class, AtlassianClientAutoConfiguration.class })
@ConditionalOnBean({ NamedParameterJdbcTemplate.class, RequestStoreMigrations.class })
public class ReconciliationStoreAutoConfiguration {

    /** Takes the migrations so its tables exist before it is used. */
    @Bean
    @ConditionalOnMissingBean
    ReconciliationRepository reconciliationRepository(NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactions, Clock clock, RequestStoreMigrations migrations) {
        return new ReconciliationRepository(jdbc, transactions, clock);
    }
}
