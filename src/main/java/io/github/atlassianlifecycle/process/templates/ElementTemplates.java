package io.github.atlassianlifecycle.process.templates;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes Camunda 7 element templates (the JSON Camunda Modeler reads from {@code .camunda/element-templates}) from
 * template steps. Nothing in the file is written by hand: change the steps, then regenerate.
 *
 * <p>The retry cycle is not in the templates: Camunda 7's template schema has no binding for the
 * {@code camunda:failedJobRetryTimeCycle} extension element (a {@code property} binding would write an attribute the
 * engine ignores). The models carry it on every asynchronous template-backed task, and a test checks they do.
 */
public final class ElementTemplates {

    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ElementTemplates() {
    }

    /** The templates file's text (two-space indentation, one trailing newline). */
    public static String json(List<TemplateStep> steps) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(templates(steps))
                    .replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("element templates cannot be written", e);
        }
    }

    static ArrayNode templates(List<TemplateStep> steps) {
        ArrayNode all = NODES.arrayNode();
        steps.forEach(step -> all.add(template(step)));
        return all;
    }

    private static ObjectNode template(TemplateStep step) {
        ObjectNode template = NODES.objectNode();
        template.put("$schema", SCHEMA);
        template.put("name", step.name());
        template.put("id", step.id());
        template.put("version", step.version());
        template.put("description", step.description());
        template.putArray("appliesTo").add(step.appliesTo());
        ArrayNode properties = template.putArray("properties");
        properties.add(hidden(step.delegateExpression(), binding("property", "camunda:delegateExpression")));
        if (step.asyncBefore()) {
            properties.add(hidden(true, binding("property", "camunda:asyncBefore")));
        }
        step.inputs().forEach(input -> properties.add(input(input)));
        step.outputs().forEach(output -> properties.add(output(output)));
        template.put("entriesVisible", false);
        return template;
    }

    private static ObjectNode input(TemplateInput input) {
        ObjectNode property = NODES.objectNode();
        property.put("label", input.label());
        property.put("description", input.description());
        property.put("type", input.choices().isEmpty() ? "String" : "Dropdown");
        if (input.value() != null) {
            property.put("value", input.value());
        }
        if (!input.choices().isEmpty()) {
            ArrayNode choices = property.putArray("choices");
            input.choices().forEach(c -> choices.addObject().put("name", c.name()).put("value", c.value()));
        }
        property.set("binding", binding("camunda:inputParameter", input.name()));
        ObjectNode constraints = NODES.objectNode();
        if (input.required()) {
            constraints.put("notEmpty", true);
        }
        if (input.pattern() != null) {
            // Whole value; an optional input may also be left empty.
            String whole = "^(?:" + input.pattern() + ")$";
            constraints.putObject("pattern").put("value", input.required() ? whole : "^$|" + whole)
                    .put("message", input.patternMessage());
        }
        if (!constraints.isEmpty()) {
            property.set("constraints", constraints);
        }
        return property;
    }

    private static ObjectNode output(TemplateOutput output) {
        ObjectNode property = NODES.objectNode();
        property.put("label", "Result variable for " + output.name());
        property.put("description", output.description());
        property.put("type", "String");
        property.put("value", output.name());
        property.set("binding", NODES.objectNode().put("type", "camunda:outputParameter")
                .put("source", "${" + output.name() + "}"));
        return property;
    }

    private static ObjectNode hidden(Object value, ObjectNode binding) {
        ObjectNode property = NODES.objectNode();
        property.put("type", "Hidden");
        if (value instanceof Boolean flag) {
            property.put("value", flag);
        } else {
            property.put("value", value.toString());
        }
        property.set("binding", binding);
        return property;
    }

    private static ObjectNode binding(String type, String name) {
        return NODES.objectNode().put("type", type).put("name", name);
    }
}
