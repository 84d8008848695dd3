package io.github.atlassianlifecycle.process.templates;

import java.util.List;

/**
 * One input of a template-backed step, bound as a {@code camunda:inputParameter}: a dropdown when it has choices, a
 * text field otherwise, with its constraints.
 *
 * @param value the default value, or null
 * @param pattern what a given value must match in whole (Java and JavaScript read it alike), or null
 */
public record TemplateInput(String name, String label, String description, String value, List<Choice> choices,
        boolean required, String pattern, String patternMessage) {

    public TemplateInput {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A dropdown entry. */
    public record Choice(String name, String value) {
    }
}
