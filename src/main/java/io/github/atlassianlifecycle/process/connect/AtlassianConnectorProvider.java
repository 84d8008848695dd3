package io.github.atlassianlifecycle.process.connect;

import org.camunda.connect.spi.Connector;
import org.camunda.connect.spi.ConnectorProvider;

/** Registered in {@code META-INF/services/org.camunda.connect.spi.ConnectorProvider}; Connect calls it once. */
public class AtlassianConnectorProvider implements ConnectorProvider {

    @Override
    public String getConnectorId() {
        return AtlassianConnector.ID;
    }

    @Override
    public Connector<?> createConnectorInstance() {
        return new AtlassianConnector();
    }
}
