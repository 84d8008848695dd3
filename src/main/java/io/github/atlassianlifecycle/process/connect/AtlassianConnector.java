package io.github.atlassianlifecycle.process.connect;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.connect.impl.AbstractConnector;
import org.camunda.connect.impl.AbstractConnectorRequest;
import org.camunda.connect.impl.AbstractConnectorResponse;
import org.camunda.connect.spi.ConnectorResponse;

/**
 * Connector {@value #ID}: request parameter {@value #OPERATION} names the operation, the others are its inputs
 * (strings); the response parameters are its outputs. The work is the runner's (see {@link ConnectorBridge}).
 */
public class AtlassianConnector extends AbstractConnector<AtlassianConnector.Request, AtlassianConnector.Response> {

    public static final String ID = "atlassian";
    public static final String OPERATION = "operation";

    public AtlassianConnector() {
        super(ID);
    }

    @Override
    public Request createRequest() {
        return new Request(this);
    }

    @Override
    public ConnectorResponse execute(Request request) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Object operation = null;
        for (Map.Entry<String, Object> parameter : request.getRequestParameters().entrySet()) {
            if (OPERATION.equals(parameter.getKey())) {
                operation = parameter.getValue();
            } else if (parameter.getValue() != null) {
                inputs.put(parameter.getKey(), String.valueOf(parameter.getValue()));
            }
        }
        return new Response(ConnectorBridge.runner().run(operation == null ? null : operation.toString(), inputs));
    }

    /** The request: its parameters are the operation and its inputs. */
    public static class Request extends AbstractConnectorRequest<Response> {
        Request(AtlassianConnector connector) {
            super(connector);
        }
    }

    /** The response: the operation's outputs. */
    public static class Response extends AbstractConnectorResponse {
        private final Map<String, Object> outputs;

        Response(Map<String, Object> outputs) {
            this.outputs = outputs;
        }

        @Override
        protected void collectResponseParameters(Map<String, Object> responseParameters) {
            responseParameters.putAll(outputs);
        }
    }
}
