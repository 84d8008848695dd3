package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.process.campaign.CampaignVariables;
import io.github.atlassianlifecycle.process.reconcile.ReconcileVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * The forms Tasklist shows edit exactly the fields the task listeners let a completion set: the rest of a form is
 * read-only ({@code disabled}, which Camunda Forms never submits), so a form and its listener cannot drift apart.
 */
class TaskFormsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "approve-request, approval", "resolve-failure, resolution", "reconcile-review, review",
            "confirm-mass-change, confirm", "approve-batch, batch approval",
            "approve-campaign, campaign approval" })
    void a_form_edits_only_the_fields_its_task_may_set(String form, String task) throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/atlassian-lifecycle/" + form + ".form")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> editable = new ArrayList<>();
        for (JsonNode component : schema.path("components")) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                editable.add(component.path("key").asText());
            }
        }
        assertThat(editable).containsExactlyInAnyOrderElementsOf(switch (task) {
            case "approval" -> ProcessVariables.APPROVAL_FIELDS;
            case "resolution" -> ProcessVariables.RESOLUTION_FIELDS;
            case "review" -> ReconcileVariables.REVIEW_FIELDS;
            case "batch approval" -> ProcessVariables.BATCH_APPROVAL_FIELDS;
            case "campaign approval" -> CampaignVariables.APPROVAL_FIELDS;
            default -> ReconcileVariables.CONFIRM_FIELDS;
        });
    }
}
