package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;
import io.github.atlassianlifecycle.process.operation.OperationDelegate;
import io.github.atlassianlifecycle.process.templates.TemplateInput;
import io.github.atlassianlifecycle.process.templates.TemplateStep;

/**
 * The shipped models are built from the element templates: every task that runs a template-backed step says which
 * template (and version) it was built from and matches that template's bindings; and every delegate a model names
 * is a template-backed step or a bean the plugin declares.
 */
class ShippedModelsUseTemplatesTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Map<String, TemplateStep> BY_BEAN = TemplateCatalog.steps().stream()
            .collect(Collectors.toMap(TemplateStep::bean, Function.identity()));

    @Test
    void every_task_running_a_template_backed_step_was_built_from_its_template_and_keeps_its_bindings() {
        List<String> checked = new ArrayList<>();
        for (File file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            for (Activity task : model.getModelElementsByType(Activity.class)) {
                String expression = task.getAttributeValueNs(CAMUNDA, "delegateExpression");
                TemplateStep step = expression == null ? null : BY_BEAN.get(bean(expression));
                if (step == null) {
                    assertThat(task.getAttributeValueNs(CAMUNDA, "modelerTemplate"))
                            .as("%s %s names a template but runs no template-backed step", file.getName(), task.getId())
                            .isNull();
                    continue;
                }
                String where = file.getName() + " " + task.getId();
                assertThat(task.getAttributeValueNs(CAMUNDA, "modelerTemplate")).as(where).isEqualTo(step.id());
                assertThat(task.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion")).as(where)
                        .isEqualTo(String.valueOf(step.version()));
                assertThat(Boolean.parseBoolean(task.getAttributeValueNs(CAMUNDA, "asyncBefore"))).as(where + " asyncBefore")
                        .isEqualTo(step.asyncBefore());
                assertThat(retryCycles(task)).as(where + " retry cycle")
                        .isEqualTo(step.asyncBefore() ? List.of(TemplateStep.RETRY_CYCLE) : List.of());
                Set<String> inputs = inputParameters(task);
                Set<String> declared = step.inputs().stream().map(TemplateInput::name).collect(Collectors.toSet());
                Set<String> required = step.inputs().stream().filter(TemplateInput::required).map(TemplateInput::name)
                        .collect(Collectors.toSet());
                assertThat(declared).as(where + " input parameters the template declares").containsAll(inputs);
                assertThat(inputs).as(where + " required input parameters").containsAll(required);
                checked.add(where);
            }
        }
        assertThat(checked).as("template-backed tasks in the shipped models").hasSizeGreaterThan(30);
    }

    @Test
    void every_delegate_a_shipped_model_names_is_a_template_backed_step_or_a_declared_bean() {
        Set<String> known = new HashSet<>(BY_BEAN.keySet());
        for (Class<?> configuration : List.of(LifecycleProcessAutoConfiguration.class,
                CampaignProcessAutoConfiguration.class, ReconcileProcessAutoConfiguration.class,
                NotificationProcessAutoConfiguration.class)) {
            for (Method method : configuration.getDeclaredMethods()) {
                Bean bean = method.getAnnotation(Bean.class);
                if (bean != null) {
                    known.addAll(bean.value().length > 0 ? Arrays.asList(bean.value()) : Set.of(method.getName()));
                }
            }
        }
        Arrays.stream(ReusableOperation.values()).map(OperationDelegate::beanName).forEach(known::add);
        for (File file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            for (ModelElementInstance element : model.getModelElementsByType(BaseElement.class)) {
                check(file, element, known);
            }
            for (ModelElementInstance listener : model.getModelElementsByType(
                    org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)) {
                check(file, listener, known);
            }
            for (ModelElementInstance listener : model.getModelElementsByType(
                    org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class)) {
                check(file, listener, known);
            }
        }
    }

    private static void check(File file, ModelElementInstance element, Set<String> known) {
        String expression = element.getAttributeValueNs(CAMUNDA, "delegateExpression");
        if (expression != null) {
            assertThat(known).as("%s: the bean of %s", file.getName(), expression).contains(bean(expression));
        }
    }

    private static String bean(String expression) {
        assertThat(expression).matches("\\$\\{\\w+}");
        return expression.substring(2, expression.length() - 1);
    }

    private static List<String> retryCycles(BaseElement task) {
        return task.getExtensionElements() == null ? List.of()
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                        .list().stream().map(CamundaFailedJobRetryTimeCycle::getTextContent).toList();
    }

    private static Set<String> inputParameters(BaseElement task) {
        return task.getExtensionElements() == null ? Set.of()
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                        .flatMap(io -> io.getCamundaInputParameters().stream()).map(CamundaInputParameter::getCamundaName)
                        .collect(Collectors.toSet());
    }

    private static List<File> models() {
        File[] files = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        return Arrays.stream(Objects.requireNonNull(files)).sorted().toList();
    }
}
