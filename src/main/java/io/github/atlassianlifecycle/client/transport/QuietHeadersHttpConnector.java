package io.github.atlassianlifecycle.client.transport;

import java.util.Map;

import org.apache.http.client.methods.HttpRequestBase;
import org.camunda.connect.httpclient.impl.HttpConnectorImpl;

/**
 * camunda-connect's HTTP connector, minus one habit: it logs every header it sets, value included, at debug level,
 * and one of those headers is {@code Authorization}. This connector sets the headers without logging them.
 */
class QuietHeadersHttpConnector extends HttpConnectorImpl {

    @Override
    protected <T extends HttpRequestBase> void applyHeaders(T httpRequest, Map<String, String> headers) {
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    httpRequest.setHeader(name, value);
                }
            });
        }
    }
}
