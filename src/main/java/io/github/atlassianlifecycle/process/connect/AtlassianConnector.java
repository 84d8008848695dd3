package io.github.atlassianlifecycle.process.connect;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.connect.impl.AbstractConnector;
import org.camunda.connect.impl.AbstractConnectorRequest;
import org.camunda.connect.impl.AbstractConnectorResponse;
import org.camunda.connect.spi.ConnectorResponse;

import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;

/**
 * Connector {@value #ID}: request parameter {@value #OPERATION} is a {@link ReusableOperation}'s key (for example
 * {@code revokeApiTokens}), the others are its inputs (as strings); the response parameters are its outputs. The work
 * is {@link OperationRunner}'s, the same the element templates' delegates use (see {@link ConnectorBridge}); bad
 * input fails the task with the runner's message naming the input.
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
        ReusableOperation named = operation(operation);
        return new Response(ConnectorBridge.runner().run(named, inputs));
    }

    private static ReusableOperation operation(Object key) {
        if (key == null || key.toString().isBlank()) {
            throw new IllegalArgumentException("The '" + ID + "' connector needs the input parameter '" + OPERATION
                    + "': one of " + keys());
        }
        try {
            return ReusableOperation.ofKey(key.toString().strip());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(unknown.getMessage() + "; one of " + keys(), unknown);
        }
    }

    private static List<String> keys() {
        return Arrays.stream(ReusableOperation.values()).map(ReusableOperation::key).toList();
    }

    /** The request: its parameters are the operation and its inputs. */
    public static class Request extends AbstractConnectorRequest<Response> {
        Request(AtlassianConnector connector) {
            super(connector);
        }
    }

    /** The response: the operation's outputs. */
    public static class Response extends AbstractConnectorResponse {
        private final Map<String, String> outputs;

        Response(Map<String, String> outputs) {
            this.outputs = outputs;
        }

        @Override
        protected void collectResponseParameters(Map<String, Object> responseParameters) {
            responseParameters.putAll(outputs);
        }
    }
}
