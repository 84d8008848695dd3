package io.github.atlassianlifecycle.api.reconciliation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.media.Schema;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.InvalidRequestException;

/**
 * The body of {@code POST /api/reconciliations}: exactly {@code {"dryRun": true|false}}. {@code dryRun} is required,
 * so a mistyped field can never turn a report into a real run; any other field is refused.
 */
@Schema(name = "NewReconciliation", description = "Start a reconciliation; dryRun true only reports")
record ReconciliationBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean dryRun) {

    static final int MAX_BODY_CHARS = 1024;
    static final Set<String> FIELDS = Set.of("dryRun");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    static ReconciliationBody read(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("body", "is empty: send {\"dryRun\": true} or {\"dryRun\": false}");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw invalid("body", "is larger than " + MAX_BODY_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            String field = it.next().getKey();
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a field of a reconciliation (known: [dryRun])"));
            }
        }
        JsonNode dryRun = root.get("dryRun");
        if (dryRun == null || !dryRun.isBoolean()) {
            errors.add(new FieldError("dryRun", "is required: true (only report) or false"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ReconciliationBody(dryRun.booleanValue());
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
