package io.github.atlassianlifecycle.api.campaign;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Schema;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.StrictJson;

/** The body of {@code POST /api/campaigns}: exactly {@code {"reconciliationId": "<id>"}}; any other field is refused. */
@Schema(name = "NewCampaign", description = "Make an inactivity campaign of a completed reconciliation's INACTIVE findings")
record CampaignBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reconciliationId) {

    static final int MAX_BODY_CHARS = 1024;
    static final Set<String> FIELDS = Set.of("reconciliationId");
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    static CampaignBody read(String body) {
        JsonNode root = StrictJson.object(body, MAX_BODY_CHARS, "{\"reconciliationId\": \"<id>\"}");
        List<FieldError> errors = StrictJson.unknownFields(root, FIELDS, "a campaign");
        JsonNode id = root.get("reconciliationId");
        if (id == null || !id.isTextual() || !ID.matcher(id.asText()).matches()) {
            errors.add(new FieldError("reconciliationId", "is required: the id of a completed reconciliation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new CampaignBody(id.asText());
    }
}
