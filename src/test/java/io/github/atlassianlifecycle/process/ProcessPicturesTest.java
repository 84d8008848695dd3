package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every shipped model has its picture in docs/processes, rendered by tools/modeler/render.mjs from the model, and
 * the picture shows every element the model draws: a model changed without rendering again fails here, as far as
 * a clone can tell (the picture's age is not checkable on a clone, its content is).
 */
class ProcessPicturesTest {

    static final File MODELS = new File("bpmn");
    static final File PICTURES = new File("docs/processes");
    static final File PAGE = new File("docs/processes.md");
    static final String RENDER = "npm ci --prefix tools/modeler && npm run render --prefix tools/modeler";
    static final Pattern DRAWN = Pattern.compile("bpmnElement=\"([^\"]+)\"");
    static final Pattern PLANE = Pattern.compile("<bpmndi:BPMNPlane [^>]*bpmnElement=\"([^\"]+)\"");
    static final Pattern SHOWN = Pattern.compile("data-element-id=\"([^\"]+)\"");

    @Test
    void every_shipped_model_has_a_picture_showing_each_of_its_elements() throws Exception {
        File[] models = MODELS.listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(models).as("models in bpmn/").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (File model : models) {
            File picture = new File(PICTURES, model.getName().replaceAll("\\.bpmn$", ".svg"));
            if (!picture.isFile()) {
                problems.add(picture + " is missing");
                continue;
            }
            String svg = Files.readString(picture.toPath(), StandardCharsets.UTF_8);
            String xml = Files.readString(model.toPath(), StandardCharsets.UTF_8);
            Set<String> missing = ids(DRAWN, xml);
            missing.removeAll(ids(SHOWN, svg));
            // The plane's process is the canvas itself, not an element drawn on it.
            missing.removeAll(ids(PLANE, xml));
            if (!svg.contains("created with bpmn-js")) {
                problems.add(picture + " was not rendered by bpmn-js");
            }
            if (!missing.isEmpty()) {
                problems.add(picture + " does not show " + missing);
            }
        }
        assertThat(problems).as("pictures out of date with their models: render them again with " + RENDER)
                .isEmpty();
    }

    @Test
    void the_processes_page_shows_every_picture() throws Exception {
        String page = Files.readString(PAGE.toPath(), StandardCharsets.UTF_8);
        for (File model : MODELS.listFiles((dir, name) -> name.endsWith(".bpmn"))) {
            assertThat(page).as("docs/processes.md links the picture of " + model.getName())
                    .contains("(processes/" + model.getName().replaceAll("\\.bpmn$", ".svg") + ")");
        }
    }

    private static Set<String> ids(Pattern pattern, String text) {
        Set<String> ids = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
