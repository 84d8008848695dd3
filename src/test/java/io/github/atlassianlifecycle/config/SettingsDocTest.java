package io.github.atlassianlifecycle.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Every {@code atlassian.*} setting is described in the generated metadata, and docs/settings.md is what it gives. */
class SettingsDocTest {

    @Test
    void every_atlassian_setting_in_the_generated_metadata_has_a_description() throws Exception {
        List<JsonNode> properties = SettingsDoc.properties();
        assertThat(properties).as("atlassian.* properties in " + SettingsDoc.METADATA).hasSizeGreaterThan(30);
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : properties) {
            if (property.path("description").asText().isBlank()) {
                undescribed.add(property.path("name").asText() + " (" + property.path("sourceType").asText() + ")");
            }
        }
        assertThat(undescribed).as("settings without Javadoc on their field: write one").isEmpty();
    }

    @Test
    void docs_settings_md_is_what_the_configuration_metadata_gives() throws Exception {
        String expected = SettingsDoc.render();
        if (Boolean.getBoolean("settings.write")) {
            Files.writeString(SettingsDoc.PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(SettingsDoc.PAGE).as("docs/settings.md: generate it with " + SettingsDoc.REGENERATE).exists();
        assertThat(Files.readString(SettingsDoc.PAGE, StandardCharsets.UTF_8))
                .as("docs/settings.md differs from the configuration metadata: regenerate it with "
                        + SettingsDoc.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void javadoc_tags_and_java_types_read_as_plain_markdown() {
        assertThat(SettingsDoc.text("for example {@code https://x}, see {@link java.time.Duration#ZERO} or"
                + " {@link Foo the foo}")).isEqualTo("for example `https://x`, see Duration.ZERO or the foo");
        assertThat(SettingsDoc.type("java.util.Map<io.github.atlassianlifecycle.client.ApiFamily,java.lang.Double>"))
                .isEqualTo("Map<ApiFamily, Double>");
        assertThat(SettingsDoc.type("io.github.atlassianlifecycle.lifecycle.LifecyclePolicy$Provisioning"))
                .isEqualTo("Provisioning");
    }
}
