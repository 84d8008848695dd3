package io.github.atlassianlifecycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The element templates designers use in Camunda Modeler name beans that exist, and only those. */
class ElementTemplatesTest {

    static final File TEMPLATES = new File("bpmn/.camunda/element-templates/atlassian-lifecycle.json");
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

    @Test
    void every_template_names_a_bean_of_the_process_configuration() throws Exception {
        Set<String> beans = new HashSet<>();
        for (Method method : LifecycleProcessAutoConfiguration.class.getDeclaredMethods()) {
            Bean bean = method.getAnnotation(Bean.class);
            if (bean != null) {
                beans.addAll(bean.value().length > 0 ? Arrays.asList(bean.value()) : Set.of(method.getName()));
            }
        }
        JsonNode templates = new ObjectMapper().readTree(TEMPLATES);
        assertThat(templates.size()).isGreaterThanOrEqualTo(8);
        Set<String> ids = new HashSet<>();
        for (JsonNode template : templates) {
            assertThat(ids.add(template.path("id").asText())).as("unique id %s", template.path("id")).isTrue();
            assertThat(template.path("version").asInt()).isPositive();
            String delegate = null;
            for (JsonNode property : template.path("properties")) {
                if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
                    delegate = property.path("value").asText();
                }
            }
            assertThat(delegate).as("template %s sets a delegate expression", template.path("id")).isNotNull();
            Matcher matcher = EXPRESSION.matcher(delegate);
            assertThat(matcher.matches()).isTrue();
            assertThat(beans).as("bean of template %s", template.path("id")).contains(matcher.group(1));
        }
    }
}
