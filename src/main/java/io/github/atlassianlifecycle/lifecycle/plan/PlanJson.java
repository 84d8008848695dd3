package io.github.atlassianlifecycle.lifecycle.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Plans and snapshots as JSON (how they travel in process variables) and the SHA-256 of a plan's canonical form,
 * which approvals, the drift check and the evidence record all refer to.
 */
public final class PlanJson {

    /** Sorted keys and no pretty-printing: the same plan always gives the same bytes, so the same hash. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A plan stored by an older version must still be readable by a newer one.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PlanJson() {
    }

    public static String write(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return CANONICAL.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> List<T> readList(String json, Class<T> element) {
        try {
            return CANONICAL.readValue(json, CANONICAL.getTypeFactory().constructCollectionType(List.class, element));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid list of " + element.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Hex SHA-256 of the plan's canonical JSON. */
    public static String hash(Plan plan) {
        return sha256(write(plan));
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
