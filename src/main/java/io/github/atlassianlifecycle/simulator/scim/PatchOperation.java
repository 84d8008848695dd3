package io.github.atlassianlifecycle.simulator.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a SCIM PATCH body, which must name the PatchOp message schema (RFC 7644 §3.5.2; without it, 400
 * {@code invalidSyntax}). Identity providers disagree on spelling, so this reads both
 * {@code Operations} (RFC 7644) and {@code operations}, {@code op} in any case ({@code Replace} from Entra ID), and
 * an operation without {@code path} whose value is an object of attributes.
 */
record PatchOperation(String op, String path, JsonNode value) {

    static List<PatchOperation> read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimError.badRequest("invalidSyntax", "The request body must be a SCIM PatchOp object");
        }
        JsonNode schemas = body.get("schemas");
        if (schemas == null || !containsText(schemas, UserDraft.PATCH_OP)) {
            throw ScimError.badRequest("invalidSyntax", "schemas must be [\"" + UserDraft.PATCH_OP + "\"]");
        }
        JsonNode operations = body.has("Operations") ? body.get("Operations") : body.get("operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimError.badRequest("invalidSyntax", "Operations must be a non-empty array");
        }
        List<PatchOperation> read = new ArrayList<>();
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText("").toLowerCase(Locale.ROOT);
            if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
                throw ScimError.badRequest("invalidSyntax", "op must be add, replace or remove");
            }
            JsonNode path = operation.get("path");
            if (path != null && !path.isNull() && !path.isTextual()) {
                throw ScimError.badRequest("invalidPath", "path must be a string");
            }
            String pathText = path == null || path.isNull() || path.asText().isBlank() ? null : path.asText();
            JsonNode value = operation.get("value");
            read.add(new PatchOperation(op, pathText, value == null || value.isNull() ? null : value));
        }
        return read;
    }

    private static boolean containsText(JsonNode array, String text) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode element : array) {
            if (text.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }
}
