package io.github.atlassianlifecycle.process.templates;

import java.util.List;

/**
 * A step a designer can place from an element template: what Modeler shows (id, version, name, description), the
 * element it applies to, the delegate bean it runs, whether it starts a job ({@code asyncBefore}, which then also
 * gets the lifecycle retry cycle), and its inputs and outputs.
 */
public record TemplateStep(String id, int version, String name, String description, String appliesTo, String bean,
        boolean asyncBefore, List<TemplateInput> inputs, List<TemplateOutput> outputs) {

    /**
     * The retry cycle every job a template-backed task starts must have (the setting atlassian.lifecycle.retry-cycle,
     * as the models read it); see {@link ElementTemplates} for why the models, not the templates, carry it.
     */
    public static final String RETRY_CYCLE = "${lifecycleTimers.retryCycle()}";

    public TemplateStep {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The delegate expression that names the bean: {@code ${planRequest}}. */
    public String delegateExpression() {
        return "${" + bean + "}";
    }
}
