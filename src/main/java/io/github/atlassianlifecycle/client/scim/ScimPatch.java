package io.github.atlassianlifecycle.client.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A SCIM PATCH body ({@code urn:ietf:params:scim:api:messages:2.0:PatchOp}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimPatch(List<String> schemas, @JsonProperty("Operations") List<Operation> operations) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public ScimPatch {
        schemas = List.copyOf(schemas);
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("a SCIM patch needs at least one operation");
        }
    }

    public static ScimPatch of(Operation... operations) {
        return new ScimPatch(List.of(SCHEMA), List.of(operations));
    }

    public static ScimPatch of(List<Operation> operations) {
        return new ScimPatch(List.of(SCHEMA), operations);
    }

    /** One operation: {@code op} is add, replace or remove; {@code path} may be absent (the value is then an object). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String op, String path, Object value) {

        public static Operation replace(String path, Object value) {
            return new Operation("replace", path, value);
        }

        public static Operation add(String path, Object value) {
            return new Operation("add", path, value);
        }

        public static Operation remove(String path) {
            return new Operation("remove", path, null);
        }

        public static Operation remove(String path, Object value) {
            return new Operation("remove", path, value);
        }
    }
}
