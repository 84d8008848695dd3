package io.github.atlassianlifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;

/**
 * Camunda keeps its engines in a JVM-wide registry by name, and {@code /engine-rest} without a name, and the webapps
 * (static fields), answer from the one called "default". The shared {@link DemoAppTest} context owns that name: a
 * test class that starts an engine in a context of its own must name its engine, switch the webapps off and close
 * its context afterwards, or every class after it in the run talks to the wrong engine (NotificationsIT once did:
 * the demo context's engine REST API answered from the mail test's engine, and the classes after it failed).
 */
class OwnEngineContextsTest {

    @Test
    void every_test_context_of_its_own_with_an_engine_names_it_keeps_the_webapps_off_and_is_closed_after() {
        List<Class<?>> ownContexts = springBootTests().stream()
                .filter(test -> !AnnotatedElementUtils.hasAnnotation(test, DemoAppTest.class))
                .filter(OwnEngineContextsTest::startsAnEngine)
                .toList();
        assertThat(ownContexts).as("the classes with an engine of their own (there are some: this check checks)")
                .isNotEmpty();
        assertThat(ownContexts).allSatisfy(test -> {
            List<String> properties = Arrays.asList(
                    AnnotatedElementUtils.findMergedAnnotation(test, SpringBootTest.class).properties());
            assertThat(properties).as(test.getSimpleName() + ": its own engine name")
                    .anyMatch(p -> p.startsWith("camunda.bpm.process-engine-name=")
                            && !p.equals("camunda.bpm.process-engine-name=default"));
            assertThat(properties).as(test.getSimpleName() + ": the webapps off")
                    .contains("camunda.bpm.webapp.enabled=false");
            assertThat(AnnotatedElementUtils.hasAnnotation(test, DirtiesContext.class))
                    .as(test.getSimpleName() + ": @DirtiesContext").isTrue();
        });
    }

    /** The standalone simulator (profile {@code simulator}) runs no engine. */
    private static boolean startsAnEngine(Class<?> test) {
        ActiveProfiles profiles = AnnotatedElementUtils.findMergedAnnotation(test, ActiveProfiles.class);
        return profiles == null || !Arrays.asList(profiles.profiles()).equals(List.of("simulator"));
    }

    private static List<Class<?>> springBootTests() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(SpringBootTest.class, true));
        return scanner.findCandidateComponents("io.github.atlassianlifecycle").stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(),
                        OwnEngineContextsTest.class.getClassLoader()))
                .toList();
    }
}
