package io.github.atlassianlifecycle.process.connect;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.github.atlassianlifecycle.lifecycle.operation.OperationRunner;
import io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration;

/**
 * Connects the {@link OperationRunner} (the one runner of the reusable operations, declared by
 * {@link LifecycleProcessAutoConfiguration}) to the {@code atlassian} connector through {@link ConnectorBridge} for as long as this context lives. Camunda's Spring Boot starter registers Connect's {@code ConnectProcessEnginePlugin} itself
 * when {@code camunda-engine-plugin-connect} is on the class path, which the plugin's pom brings.
 */
@AutoConfiguration(after = LifecycleProcessAutoConfiguration.class)
@ConditionalOnClass(org.camunda.connect.spi.ConnectorProvider.class)
@ConditionalOnBean(OperationRunner.class)
public class ConnectorAutoConfiguration {

    @Bean
    Connection atlassianConnectorConnection(OperationRunner runner) {
        return new Connection(runner);
    }

    /** Connects the runner on start and disconnects it on close. */
    static final class Connection implements InitializingBean, DisposableBean {
        private final OperationRunner runner;

        Connection(OperationRunner runner) {
            this.runner = runner;
        }

        @Override
        public void afterPropertiesSet() {
            ConnectorBridge.connect(runner);
        }

        @Override
        public void destroy() {
            ConnectorBridge.disconnect(runner);
        }
    }
}
