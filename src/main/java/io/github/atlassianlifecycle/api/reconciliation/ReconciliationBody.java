package io.github.atlassianlifecycle.api.reconciliation;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Schema;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.StrictJson;

/**
 * The body of {@code POST /api/reconciliations}: exactly {@code {"dryRun": true|false}}. {@code dryRun} is required,
 * so a mistyped field can never turn a report into a real run; any other field is refused.
 */
@Schema(name = "NewReconciliation", description = "Start a reconciliation; dryRun true only reports")
record ReconciliationBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean dryRun) {

    static final int MAX_BODY_CHARS = 1024;
    static final Set<String> FIELDS = Set.of("dryRun");

    static ReconciliationBody read(String body) {
        JsonNode root = StrictJson.object(body, MAX_BODY_CHARS, "{\"dryRun\": true} or {\"dryRun\": false}");
        List<FieldError> errors = StrictJson.unknownFields(root, FIELDS, "a reconciliation");
        JsonNode dryRun = root.get("dryRun");
        if (dryRun == null || !dryRun.isBoolean()) {
            errors.add(new FieldError("dryRun", "is required: true (only report) or false"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ReconciliationBody(dryRun.booleanValue());
    }
}
