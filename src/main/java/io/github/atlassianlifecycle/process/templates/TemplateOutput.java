package io.github.atlassianlifecycle.process.templates;

/** One output of a template-backed step, bound as a {@code camunda:outputParameter} from the local variable. */
public record TemplateOutput(String name, String description) {
}
