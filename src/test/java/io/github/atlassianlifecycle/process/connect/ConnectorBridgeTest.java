package io.github.atlassianlifecycle.process.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.lifecycle.operation.OperationRunner;

/** Two plugin contexts in one JVM: closing the later one must hand the connector back, not leave it with none. */
class ConnectorBridgeTest {

    @Test
    void closing_the_context_connected_last_hands_the_connector_back_to_the_one_still_open() {
        OperationRunner first = new OperationRunner(null, null, null, null);
        OperationRunner second = new OperationRunner(null, null, null, null);
        ConnectorBridge.connect(first);
        ConnectorBridge.connect(second);
        try {
            assertThat(ConnectorBridge.runner()).isSameAs(second);
            ConnectorBridge.disconnect(second);
            assertThat(ConnectorBridge.runner()).isSameAs(first);
        } finally {
            ConnectorBridge.disconnect(second);
            ConnectorBridge.disconnect(first);
        }
        assertThatThrownBy(ConnectorBridge::runner).hasMessageContaining("Spring context is not up");
    }
}
