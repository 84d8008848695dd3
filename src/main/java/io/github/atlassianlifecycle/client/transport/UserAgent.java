package io.github.atlassianlifecycle.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code atlassian-lifecycle/<version>}: lets Atlassian (and proxies) tell whose calls these are. */
public final class UserAgent {

    private static final String VALUE = "atlassian-lifecycle/" + version()
            + " (+https://github.com/atlassian-lifecycle/atlassian-lifecycle)";

    private UserAgent() {
    }

    public static String value() {
        return VALUE;
    }

    /** The project version, written into the jar by the build (resource filtering). */
    public static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/atlassian-lifecycle-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
