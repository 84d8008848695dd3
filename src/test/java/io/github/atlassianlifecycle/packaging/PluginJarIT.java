package io.github.atlassianlifecycle.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The plain jar (the plugin a host application adds, built by {@code package} before the integration tests) carries
 * the plugin: its auto-configuration, models and migrations, and none of the application's settings, which would
 * otherwise override the host's own {@code application.yml} and its {@code demo} profile.
 */
class PluginJarIT {

    @Test
    void the_plain_jar_carries_the_plugin_and_no_application_settings() throws IOException {
        try (JarFile jar = new JarFile(plainJar().toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();
            assertThat(entries).contains(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                    "META-INF/spring-configuration-metadata.json",
                    "atlassian-lifecycle/account-disable.bpmn",
                    "db/atlassian-lifecycle/V1__request_store.sql");
            assertThat(entries).noneMatch(name -> name.matches("(.*/)?application[^/]*\\.(yml|yaml|properties)"));
        }
    }

    @Test
    void the_runnable_jar_carries_the_applications_settings() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            Path exec = files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no exec jar in target/"));
            try (JarFile jar = new JarFile(exec.toFile())) {
                assertThat(jar.stream().map(ZipEntry::getName)).contains("BOOT-INF/classes/application.yml",
                        "BOOT-INF/classes/application-demo.yml", "BOOT-INF/classes/application-simulator.yml");
            }
        }
    }

    /** target/atlassian-lifecycle-&lt;version&gt;.jar: the one without a classifier. */
    private static Path plainJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> plain = files.filter(file -> file.getFileName().toString()
                    .matches("atlassian-lifecycle-\\d[\\w.]*?(-SNAPSHOT)?\\.jar")).toList();
            assertThat(plain).as("the plain jar in target/").hasSize(1);
            return plain.get(0);
        }
    }
}
