package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;
import io.github.atlassianlifecycle.process.operation.OperationDelegate;
import io.github.atlassianlifecycle.process.templates.ElementTemplates;
import io.github.atlassianlifecycle.process.templates.TemplateStep;

/**
 * The element templates designers use in Camunda Modeler: generated from {@link TemplateCatalog} (the committed file
 * is exactly what it generates), valid against Camunda's published schema, and naming beans that exist.
 */
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates/atlassian-lifecycle.json");
    /** Regenerates the committed file; README "Element templates" gives the same command. */
    static final String REGENERATE = "mvn -B -ntp -q test -Dtest=ElementTemplatesTest -Dtemplates.write=true";

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("classpath:element-templates/camunda-7-element-templates-schema.json"));

    @Test
    void the_committed_templates_are_exactly_what_the_catalog_generates() throws IOException {
        String generated = ElementTemplates.json(TemplateCatalog.steps());
        if (Boolean.getBoolean("templates.write")) {
            Files.writeString(TEMPLATES, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(TEMPLATES, StandardCharsets.UTF_8))
                .as("%s is generated from TemplateCatalog; regenerate it with: %s", TEMPLATES, REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void every_template_is_valid_against_camundas_element_templates_schema() {
        String generated = ElementTemplates.json(TemplateCatalog.steps());
        assertThat(SCHEMA.validate(generated, InputFormat.JSON)).isEmpty();
    }

    @Test
    void a_broken_template_is_caught_by_the_schema() throws IOException {
        ArrayNode templates = (ArrayNode) new ObjectMapper().readTree(ElementTemplates.json(TemplateCatalog.steps()));
        ObjectNode broken = (ObjectNode) templates.get(0);
        broken.remove("id");
        ((ObjectNode) broken.get("properties").get(0)).put("type", "Dropdown"); // a dropdown without choices

        assertThat(SCHEMA.validate(templates.toString(), InputFormat.JSON)).extracting(Object::toString)
                .anySatisfy(error -> assertThat(error).contains("id"))
                .anySatisfy(error -> assertThat(error).contains("choices"));
    }

    @Test
    void every_operation_has_one_template_and_ids_are_unique() {
        List<TemplateStep> steps = TemplateCatalog.steps();
        Set<String> ids = new HashSet<>();
        steps.forEach(step -> assertThat(ids.add(step.id())).as("unique id %s", step.id()).isTrue());
        assertThat(steps).hasSize(TemplateCatalog.internalSteps().size() + ReusableOperation.values().length);
        for (ReusableOperation operation : ReusableOperation.values()) {
            assertThat(steps).filteredOn(step -> step.bean().equals(OperationDelegate.beanName(operation)))
                    .singleElement().satisfies(step -> {
                        assertThat(step.asyncBefore()).isTrue();
                        assertThat(step.inputs()).hasSameSizeAs(operation.inputs());
                        assertThat(step.outputs()).hasSameSizeAs(operation.outputs());
                    });
        }
    }

    @Test
    void every_template_names_a_bean_the_plugin_defines() {
        Set<String> beans = new HashSet<>();
        for (Method method : LifecycleProcessAutoConfiguration.class.getDeclaredMethods()) {
            Bean bean = method.getAnnotation(Bean.class);
            if (bean != null) {
                beans.addAll(bean.value().length > 0 ? Arrays.asList(bean.value()) : Set.of(method.getName()));
            }
        }
        Arrays.stream(ReusableOperation.values()).map(OperationDelegate::beanName).forEach(beans::add);
        assertThat(TemplateCatalog.steps()).allSatisfy(step -> assertThat(beans).as("bean of %s", step.id())
                .contains(step.bean()));
    }
}
