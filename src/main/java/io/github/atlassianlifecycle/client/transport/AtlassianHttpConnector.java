package io.github.atlassianlifecycle.client.transport;

import java.util.Map;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpRequestBase;
import org.camunda.connect.httpclient.impl.HttpConnectorImpl;

/**
 * camunda-connect's HTTP connector with two habits changed:
 * <ul>
 *   <li>it logs every header it sets, value included, at debug level, and one of those headers is
 *   {@code Authorization}: here headers are set without logging;</li>
 *   <li>it gives every request a fresh {@link RequestConfig} built only from per-request options, which silently
 *   replaces the client's defaults (timeouts become infinite, redirects are followed): here every request gets
 *   the transport's configuration.</li>
 * </ul>
 */
class AtlassianHttpConnector extends HttpConnectorImpl {

    private final RequestConfig requestConfig;

    AtlassianHttpConnector(RequestConfig requestConfig) {
        this.requestConfig = requestConfig;
    }

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

    @Override
    protected <T extends HttpRequestBase> void applyConfig(T httpRequest, Map<String, Object> configOptions) {
        httpRequest.setConfig(requestConfig);
    }
}
