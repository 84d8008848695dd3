package io.github.atlassianlifecycle.api.campaign;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.media.Schema;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.InvalidRequestException;

/** The body of {@code POST /api/campaigns}: exactly {@code {"reconciliationId": "<id>"}}; any other field is refused. */
@Schema(name = "NewCampaign", description = "Make an inactivity campaign of a completed reconciliation's INACTIVE findings")
record CampaignBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reconciliationId) {

    static final int MAX_BODY_CHARS = 1024;
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    static CampaignBody read(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("body", "is empty: send {\"reconciliationId\": \"<id>\"}");
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
            if (!"reconciliationId".equals(field)) {
                errors.add(new FieldError(field, "is not a field of a campaign (known: [reconciliationId])"));
            }
        }
        JsonNode id = root.get("reconciliationId");
        if (id == null || !id.isTextual() || !ID.matcher(id.asText()).matches()) {
            errors.add(new FieldError("reconciliationId", "is required: the id of a completed reconciliation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new CampaignBody(id.asText());
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
