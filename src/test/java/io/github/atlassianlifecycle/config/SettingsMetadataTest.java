package io.github.atlassianlifecycle.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One configuration surface: every {@code atlassian.*} setting that a condition, an {@code @Value} or a
 * {@code getProperty} reads is a declared property in the configuration metadata Spring Boot generates from the
 * {@code @ConfigurationProperties} classes (so IDEs complete it and it has a description), and a switch that is on
 * when missing is declared with {@code true} as its default.
 */
class SettingsMetadataTest {

    static final Path CLASSES = Path.of("target/classes");
    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(atlassian\\.[a-z0-9.-]+)");
    static final Pattern GET_PROPERTY = Pattern.compile("getProperty\\(\\s*\"(atlassian\\.[a-z0-9.-]+)\"");

    /** Where each key is read, and whether that reader treats a missing key as on. */
    record Use(String where, boolean onWhenMissing) {
    }

    @Test
    void every_setting_read_by_a_condition_a_value_or_the_environment_is_declared_and_described() throws Exception {
        Map<String, JsonNode> declared = declared();
        Map<String, List<Use>> used = used();
        assertThat(used).as("the switches this test must find").containsKeys("atlassian.api.enabled",
                "atlassian.security.enabled", "atlassian.security.create-authorizations", "atlassian.deployment.enabled",
                "atlassian.site-url", "atlassian.bitbucket-url", "atlassian.scim-api-key");
        used.forEach((key, uses) -> {
            assertThat(declared).as(key + " read by " + uses).containsKey(key);
            assertThat(declared.get(key).path("description").asText()).as(key + " has a description").isNotBlank();
        });
    }

    @Test
    void the_reconciliation_settings_are_declared_described_and_defaulted() throws Exception {
        Map<String, JsonNode> declared = declared();
        for (String key : List.of("atlassian.reconcile.cron", "atlassian.reconcile.inactivity-days",
                "atlassian.reconcile.exclude", "atlassian.reconcile.max-disable")) {
            assertThat(declared).as(key).containsKey(key);
            assertThat(declared.get(key).path("description").asText()).as(key + " has a description").isNotBlank();
        }
        assertThat(declared.get("atlassian.reconcile.cron").path("defaultValue").asText()).isEqualTo("0 0 2 * * ?");
        assertThat(declared.get("atlassian.reconcile.inactivity-days").path("defaultValue").asInt())
                .isEqualTo(io.github.atlassianlifecycle.lifecycle.reconcile.ReconcileSettings.DEFAULT_INACTIVITY_DAYS);
    }

    @Test
    void a_switch_that_is_on_when_missing_declares_true_as_its_default() throws Exception {
        Map<String, JsonNode> declared = declared();
        used().forEach((key, uses) -> {
            if (uses.stream().anyMatch(Use::onWhenMissing)) {
                assertThat(declared.get(key).path("defaultValue").asBoolean(false)).as(key + " default").isTrue();
            }
        });
    }

    @Test
    void the_bulk_row_limit_is_declared_with_its_default_and_described() throws Exception {
        JsonNode maxRows = declared().get("atlassian.bulk.max-rows");
        assertThat(maxRows).as("atlassian.bulk.max-rows in the metadata").isNotNull();
        assertThat(maxRows.path("defaultValue").asInt()).isEqualTo(5000);
        assertThat(maxRows.path("description").asText()).contains("rows");
    }

    private static Map<String, JsonNode> declared() throws IOException {
        JsonNode metadata = new ObjectMapper()
                .readTree(CLASSES.resolve("META-INF/spring-configuration-metadata.json").toFile());
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
        return properties;
    }

    private static Map<String, List<Use>> used() throws Exception {
        Map<String, List<Use>> used = new TreeMap<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/github/atlassianlifecycle"))) {
            classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
        }
        assertThat(classFiles).as("compiled classes").isNotEmpty();
        for (Path file : classFiles) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, SettingsMetadataTest.class.getClassLoader());
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
            elements.addAll(List.of(type.getDeclaredMethods()));
            elements.addAll(List.of(type.getDeclaredFields()));
            for (Executable executable : concat(type.getDeclaredConstructors(), type.getDeclaredMethods())) {
                elements.addAll(List.of(executable.getParameters()));
            }
            for (AnnotatedElement element : elements) {
                String where = name + (element instanceof Class<?> ? "" : " " + describe(element));
                for (ConditionalOnProperty condition : element.getAnnotationsByType(ConditionalOnProperty.class)) {
                    String[] names = condition.name().length > 0 ? condition.name() : condition.value();
                    String prefix = condition.prefix().isEmpty() ? "" : condition.prefix() + ".";
                    for (String key : names) {
                        add(used, prefix + key, new Use(where, condition.matchIfMissing()));
                    }
                }
                ConditionalOnExpression expression = element.getAnnotation(ConditionalOnExpression.class);
                if (expression != null) {
                    placeholders(expression.value()).forEach(key -> add(used, key, new Use(where, false)));
                }
                Value value = element.getAnnotation(Value.class);
                if (value != null) {
                    placeholders(value.value()).forEach(key -> add(used, key, new Use(where, false)));
                }
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher matcher = GET_PROPERTY.matcher(Files.readString(source));
                while (matcher.find()) {
                    add(used, matcher.group(1), new Use(source.toString(), false));
                }
            }
        }
        used.keySet().removeIf(key -> !key.startsWith("atlassian."));
        return used;
    }

    private static List<String> placeholders(String text) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static void add(Map<String, List<Use>> used, String key, Use use) {
        used.computeIfAbsent(key, k -> new ArrayList<>()).add(use);
    }

    private static String describe(AnnotatedElement element) {
        return element instanceof Parameter parameter ? parameter.getDeclaringExecutable().getName() + "(" + parameter
                + ")" : element.toString();
    }

    private static Executable[] concat(Executable[] a, Executable[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(Executable[]::new);
    }
}
