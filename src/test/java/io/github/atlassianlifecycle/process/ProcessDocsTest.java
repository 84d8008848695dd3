package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.atlassianlifecycle.process.campaign.CampaignVariables;
import io.github.atlassianlifecycle.process.reconcile.ReconcileVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * docs/processes.md names every variable the code lets in: each start variable and each field a task completion
 * may set, from the lists the validation and the task listeners enforce, and has a section for every shipped model.
 */
class ProcessDocsTest {

    static final Path PAGE = Path.of("docs/processes.md");

    @Test
    void every_variable_a_start_or_a_task_completion_may_set_is_documented() throws Exception {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("ProcessVariables.START_VARIABLES", ProcessVariables.START_VARIABLES);
        lists.put("ProcessVariables.APPROVAL_FIELDS", ProcessVariables.APPROVAL_FIELDS);
        lists.put("ProcessVariables.RESOLUTION_FIELDS", ProcessVariables.RESOLUTION_FIELDS);
        lists.put("ProcessVariables.BATCH_START_VARIABLES", ProcessVariables.BATCH_START_VARIABLES);
        lists.put("ProcessVariables.BATCH_APPROVAL_FIELDS", ProcessVariables.BATCH_APPROVAL_FIELDS);
        lists.put("ReconcileVariables.START_VARIABLES", ReconcileVariables.START_VARIABLES);
        lists.put("ReconcileVariables.REVIEW_FIELDS", ReconcileVariables.REVIEW_FIELDS);
        lists.put("ReconcileVariables.CONFIRM_FIELDS", ReconcileVariables.CONFIRM_FIELDS);
        lists.put("CampaignVariables.START_VARIABLES", CampaignVariables.START_VARIABLES);
        lists.put("CampaignVariables.APPROVAL_FIELDS", CampaignVariables.APPROVAL_FIELDS);
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        lists.forEach((list, names) -> {
            for (String name : names) {
                if (!page.contains("`" + name + "`")) {
                    missing.add(name + " (" + list + ")");
                }
            }
        });
        assertThat(missing).as("variables the code accepts but docs/processes.md does not name").isEmpty();
    }

    @Test
    void every_shipped_model_has_a_section() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        for (File model : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
            String key = model.getName().replaceAll("\\.bpmn$", "");
            assertThat(page).as("docs/processes.md has a heading naming " + key).containsPattern("(?m)^## .*`" + key + "`");
        }
    }
}
