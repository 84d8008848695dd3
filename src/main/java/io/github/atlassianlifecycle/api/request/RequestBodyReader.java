package io.github.atlassianlifecycle.api.request;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.RequestProblem;
import io.github.atlassianlifecycle.lifecycle.RequestValidator;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.StrictJson;

/**
 * Reads a request body strictly: JSON syntax, one object, no duplicate or unknown fields, the right JSON type for
 * each field, then the same rules as the processes ({@link RequestValidator}). Every problem found is reported
 * at once, by field.
 */
public class RequestBodyReader {

    static final int MAX_BODY_CHARS = 64 * 1024;
    static final Set<String> FIELDS = Set.of("action", "accountId", "email", "displayName", "groups", "reason",
            "reasonCode");

    public NewRequest read(String body) {
        return read(StrictJson.parse(body, MAX_BODY_CHARS, "a JSON object"));
    }

    /**
     * One request as a JSON object (the body of a single request, or one item of a bulk one): the same rules
     * whichever door it came through.
     */
    public NewRequest read(JsonNode root) {
        StrictJson.requireObject(root);
        List<FieldError> errors = StrictJson.unknownFields(root, FIELDS, "a request");
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                fields.put(field.getKey(), plain(field.getValue()));
            }
        }
        LifecycleAction action = action(fields.get("action"), errors);
        if (action != null) {
            for (RequestProblem problem : RequestValidator.validate(action, fields)) {
                errors.add(new FieldError(problem.field(), problem.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        @SuppressWarnings("unchecked")
        List<String> groups = (List<String>) fields.getOrDefault("groups", List.of());
        Object reasonCode = fields.getOrDefault("reasonCode", ReasonCode.OTHER.name());
        return new NewRequest(action, (String) fields.get("accountId"), (String) fields.get("email"),
                (String) fields.get("displayName"), groups, (String) fields.get("reason"), reasonCode.toString());
    }

    private static LifecycleAction action(Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("action", "is required: one of ADD, DISABLE, ENABLE, DELETE"));
            return null;
        }
        if (value instanceof String text) {
            for (LifecycleAction action : LifecycleAction.values()) {
                if (action.name().equals(text)) {
                    return action;
                }
            }
        }
        errors.add(new FieldError("action", "must be one of ADD, DISABLE, ENABLE, DELETE"));
        return null;
    }

    /** A JSON value as the plain Java value the validator checks: String, Boolean, Number, List or Map. */
    private static Object plain(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isNull() ? null : plain(item)));
            return items;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> object.put(e.getKey(), plain(e.getValue())));
        return object;
    }
}
