package io.github.atlassianlifecycle.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runnable jar that {@code package} built before the integration tests: failsafe names it in the system property
 * {@value #PROPERTY} (see pom.xml), so the proof and the host-application test start exactly the artifact a user runs.
 */
public final class ExecJar {

    public static final String PROPERTY = "proof.exec-jar";

    private ExecJar() {
    }

    public static Path path() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            throw new IllegalStateException("no " + PROPERTY + ": run the test through `mvn verify`");
        }
        Path jar = Path.of(named);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: `mvn verify` packages it before the integration tests");
        }
        return jar;
    }
}
