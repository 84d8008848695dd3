package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The shipped models are clean under the lint Camunda Modeler shows in its problems panel: bpmnlint with the rules
 * bpmn/.bpmnlintrc names (bpmnlint:recommended and camunda-compat for Camunda Platform 7.24), run by the pinned
 * npm project in tools/modeler, so what Modeler users see and what the build checks are the same rules.
 */
class ModelerLintIT {

    static final File MODELER_TOOLS = new File("tools/modeler");
    static final File BPMNLINT = new File(MODELER_TOOLS, "node_modules/bpmnlint/bin/bpmnlint.js");
    static final File RULES = new File("bpmn/.bpmnlintrc");

    @Test
    void every_shipped_model_is_clean_under_modelers_lint_for_camunda_7_24() throws Exception {
        assertThat(BPMNLINT)
                .as("bpmnlint is not installed: run `npm ci --prefix tools/modeler` (.ci/run does) and try again")
                .exists();
        List<String> command = new ArrayList<>(List.of(
                "node", BPMNLINT.getAbsolutePath(), "--config", RULES.getAbsolutePath()));
        File[] models = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(models).as("models in bpmn/").isNotEmpty();
        for (File model : models) {
            command.add(model.getAbsolutePath());
        }
        // bpmnlint resolves the plugin the rules name from the working directory's node_modules.
        Process lint;
        try {
            lint = new ProcessBuilder(command).directory(MODELER_TOOLS).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node.js is not installed (node not on the PATH): install nodejs and npm"
                    + " (.ci/run does), then npm ci --prefix tools/modeler", e);
        }
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("bpmnlint finished").isTrue();
        assertThat(lint.exitValue())
                .as("bpmnlint found problems (warnings count: Modeler shows them too):%n%s", report)
                .isZero();
        assertThat(report).as("bpmnlint output").doesNotContain("warning").doesNotContain("error");
    }
}
