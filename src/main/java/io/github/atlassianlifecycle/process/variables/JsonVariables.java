package io.github.atlassianlifecycle.process.variables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;

/**
 * Plans, snapshots, approvals and call results travel as Spin JSON variables: readable in Cockpit and through the
 * REST API, without the 4000-character limit of String variables, and never Java-serialized.
 */
public final class JsonVariables {

    private JsonVariables() {
    }

    public static void set(VariableScope scope, String name, Object value) {
        scope.setVariable(name, SpinValues.jsonValue(PlanJson.write(value)).create());
    }

    /** The variable's JSON text, or null when it is not set. */
    static String json(VariableScope scope, String name) {
        TypedValue value = scope.getVariableTyped(name, false);
        if (value == null) {
            return null;
        }
        if (value instanceof SerializableValue serializable) {
            if (serializable.getValueSerialized() != null) {
                return serializable.getValueSerialized();
            }
            // Set earlier in the same transaction: only the (Spin) value is there, whose text is its JSON.
            return serializable.isDeserialized() && serializable.getValue() != null ? serializable.getValue().toString() : null;
        }
        return value.getValue() == null ? null : String.valueOf(value.getValue());
    }

    public static <T> T get(VariableScope scope, String name, Class<T> type) {
        String json = json(scope, name);
        return json == null ? null : PlanJson.read(json, type);
    }

    public static <T> List<T> list(VariableScope scope, String name, Class<T> element) {
        String json = json(scope, name);
        return json == null ? new ArrayList<>() : new ArrayList<>(PlanJson.readList(json, element));
    }

    public static <T> void append(VariableScope scope, String name, Class<T> element, List<? extends T> more) {
        List<T> all = list(scope, name, element);
        all.addAll(more);
        set(scope, name, all);
    }
}
