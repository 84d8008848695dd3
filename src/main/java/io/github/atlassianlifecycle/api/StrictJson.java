package io.github.atlassianlifecycle.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The first steps of reading every JSON body of the request API, the same way at every door: not empty, not too
 * large, JSON with no duplicate field and nothing after it, one object, no field the door does not know. Each step
 * refuses with the field it is about, so the answer names what to fix.
 */
public final class StrictJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // Without it, "{...} anything" is read as its first object and the rest silently dropped.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /**
     * The body as JSON, refused when empty (saying {@code whatToSend}), larger than {@code maxChars} or not JSON.
     * Whether it is an object is {@link #requireObject}'s to say, so a door may read an array too.
     */
    public static JsonNode parse(String body, int maxChars, String whatToSend) {
        if (body == null || body.isBlank()) {
            throw invalid("body", "is empty: send " + whatToSend);
        }
        if (body.length() > maxChars) {
            throw invalid("body", "is larger than " + maxChars + " characters");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Refuses anything but one JSON object. */
    public static JsonNode requireObject(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        return root;
    }

    /** The object of {@link #parse}, refused when it is not one. */
    public static JsonNode object(String body, int maxChars, String whatToSend) {
        return requireObject(parse(body, maxChars, whatToSend));
    }

    /** One error for each field of {@code object} that is not {@code known}, naming what is (a {@code noun}'s). */
    public static List<FieldError> unknownFields(JsonNode object, Set<String> known, String noun) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!known.contains(field)) {
                errors.add(new FieldError(field, "is not a field of " + noun + " (known: " + known.stream().sorted()
                        .toList() + ")"));
            }
        }
        return errors;
    }

    /** A refusal of one field. */
    public static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
