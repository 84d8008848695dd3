package io.github.atlassianlifecycle.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of an application node started as its own process ({@code java -jar}) for the proof and the
 * benchmark: the demo profile (its people), on loopback at {@code port}, the built-in simulator off and every
 * Atlassian URL at a simulator running as a process of its own.
 */
public final class DemoNodeSettings {

    private DemoNodeSettings() {
    }

    /** @param simulatorUrl {@code http://127.0.0.1:<port>/sim} */
    public static Map<String, String> against(String simulatorUrl, int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.profiles.active", "demo");
        settings.put("server.port", String.valueOf(port));
        settings.put("server.address", "127.0.0.1");
        settings.put("simulator.enabled", "false");
        settings.put("atlassian.api-url", simulatorUrl + "/api");
        settings.put("atlassian.site-url", simulatorUrl + "/site");
        settings.put("atlassian.bitbucket-url", simulatorUrl + "/bitbucket");
        return settings;
    }
}
