package io.github.atlassianlifecycle.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.app.AtlassianLifecycleApplication;
import io.github.atlassianlifecycle.config.AtlassianClientAutoConfiguration;
import io.github.atlassianlifecycle.simulator.SimulatorAutoConfiguration;

/**
 * The jars {@code mvn package} leaves in target/: the plain jar is the plugin a host application adds, without the
 * ready-to-run application or the simulator; the runnable {@code -exec} jar carries all three; the
 * {@code -simulator} jar carries the simulator alone, with the auto-configuration a host's tests pick up.
 */
class EachJarCarriesItsOwnPartsIT {

    static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
    static final String BOOT_CLASSES = "BOOT-INF/classes/";

    static final String APP = path(AtlassianLifecycleApplication.class.getPackageName());
    static final String SIMULATOR = path(SimulatorAutoConfiguration.class.getPackageName());
    static final String PLUGIN = path(AtlassianClientAutoConfiguration.class.getPackageName());

    @Test
    void the_plain_jar_is_the_plugin_without_the_application_or_the_simulator() throws IOException {
        try (JarFile jar = new JarFile(jar("").toFile())) {
            List<String> classes = classes(jar);
            assertThat(classes).anyMatch(name -> name.startsWith(PLUGIN))
                    .noneMatch(name -> name.startsWith(SIMULATOR) || name.startsWith(APP));
            List<String> imported = imports(jar, IMPORTS);
            assertThat(imported).isNotEmpty().contains(AtlassianClientAutoConfiguration.class.getName())
                    .noneMatch(name -> name.contains(".simulator."));
            for (String configuration : imported) {
                assertThat(jar.getEntry(path(configuration) + ".class")).as(configuration + " is in the jar").isNotNull();
            }
        }
    }

    @Test
    void the_exec_jar_carries_the_plugin_the_application_and_the_simulator() throws IOException {
        try (JarFile jar = new JarFile(jar("-exec").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(AtlassianLifecycleApplication.class.getName());
            List<String> classes = classes(jar);
            for (String part : List.of(PLUGIN, APP, SIMULATOR)) {
                assertThat(classes).as(part).anyMatch(name -> name.startsWith(BOOT_CLASSES + part));
            }
            assertThat(classes).contains(BOOT_CLASSES + path(SimulatorAutoConfiguration.class.getName()) + ".class");
        }
    }

    @Test
    void the_simulator_jar_carries_the_simulator_alone_with_its_own_auto_configuration() throws IOException {
        try (JarFile jar = new JarFile(jar("-simulator").toFile())) {
            assertThat(classes(jar)).isNotEmpty().allMatch(name -> name.startsWith(SIMULATOR));
            assertThat(imports(jar, IMPORTS)).containsExactly(SimulatorAutoConfiguration.class.getName());
            assertThat(jar.getEntry(path(SimulatorAutoConfiguration.class.getName()) + ".class")).isNotNull();
            assertThat(Collections.list(jar.entries())).map(ZipEntry::getName)
                    .filteredOn(name -> !name.endsWith("/") && !name.startsWith(SIMULATOR))
                    .allMatch(name -> name.equals(IMPORTS) || name.equals("META-INF/MANIFEST.MF")
                            || name.startsWith("META-INF/maven/"));
        }
    }

    /** The jar in target/ whose name ends with {@code suffix + ".jar"} after the version. */
    private static Path jar(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString()
                    .matches("atlassian-lifecycle-\\d[^-]*(-SNAPSHOT)?" + suffix + "\\.jar")).toList();
            assertThat(found).as("one jar *" + suffix + ".jar in target/: run through `mvn verify`").hasSize(1);
            return found.get(0);
        }
    }

    private static List<String> classes(JarFile jar) {
        return Collections.list(jar.entries()).stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class"))
                .toList();
    }

    private static List<String> imports(JarFile jar, String entry) throws IOException {
        ZipEntry found = jar.getEntry(entry);
        assertThat(found).as(entry + " in " + jar.getName()).isNotNull();
        try (InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static String path(String name) {
        return name.replace('.', '/');
    }
}
