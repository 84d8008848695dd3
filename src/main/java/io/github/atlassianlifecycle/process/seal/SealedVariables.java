package io.github.atlassianlifecycle.process.seal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;

/**
 * The digests a {@link Seal} covers: one per variable, of the variable's value as text. The text does not depend on
 * how the value happens to be held (JSON read back from the database, or just written in this transaction), nor on
 * its declared type: a read-only form field sent back with the same value is the same value.
 */
public final class SealedVariables {

    /** Absent and null are the same: nothing. */
    private static final String NOTHING = "\u0000nothing";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private SealedVariables() {
    }

    /** The digests of the named variables as {@code scope} sees them. */
    static Map<String, String> of(VariableScope scope, Collection<String> names) {
        Map<String, String> digests = new TreeMap<>();
        for (String name : names) {
            digests.put(name, digest(scope.getVariableTyped(name, false)));
        }
        return digests;
    }

    /** The digests of every variable {@code scope} sees, but those in {@code except}. */
    public static Map<String, String> allBut(VariableScope scope, Set<String> except) {
        VariableMap variables = scope.getVariablesTyped(false);
        Map<String, String> digests = new TreeMap<>();
        for (String name : variables.keySet()) {
            if (!except.contains(name)) {
                digests.put(name, digest(variables.getValueTyped(name)));
            }
        }
        return digests;
    }

    static String digest(TypedValue value) {
        return PlanJson.sha256(text(value));
    }

    private static String text(TypedValue value) {
        if (value == null) {
            return NOTHING;
        }
        if (value instanceof SerializableValue serializable) {
            String serialized = serializable.getValueSerialized() != null ? serializable.getValueSerialized()
                    : serializable.isDeserialized() && serializable.getValue() != null
                            ? asJson(serializable.getValue()) : null;
            return serialized == null ? NOTHING : canonicalJson(serialized);
        }
        Object plain = value.getValue();
        if (plain == null) {
            return NOTHING;
        }
        return plain instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(plain);
    }

    /** A value just written in this transaction, as the JSON it will be stored as (a Spin node is JSON already). */
    private static String asJson(Object value) {
        if (value instanceof SpinJsonNode node) {
            return node.toString();
        }
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    /** JSON as one canonical text (keys sorted, no spaces); anything else as it is. */
    private static String canonicalJson(String text) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.readValue(text, Object.class));
        } catch (Exception notJson) {
            return text;
        }
    }
}
