package io.github.atlassianlifecycle.config;

import java.util.function.UnaryOperator;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Resolves a base URL given as a path ({@code /sim/api}) against this application's own server, whose port is known
 * only once the server has started (tests run on a random port). Absolute URLs pass through unchanged.
 */
public class LocalServerUrl implements UnaryOperator<String>, ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;
    private volatile String contextPath = "";

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server, when it runs on its own port, raises this event too; only the main one counts.
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
            String path = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
            contextPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }

    @Override
    public String apply(String configured) {
        if (!configured.startsWith("/")) {
            return configured;
        }
        if (port < 0) {
            throw new IllegalStateException("base URL " + configured + " points at this application, whose web server"
                    + " has not started");
        }
        return "http://127.0.0.1:" + port + contextPath + configured;
    }
}
