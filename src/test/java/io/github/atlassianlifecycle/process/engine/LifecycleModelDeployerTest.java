package io.github.atlassianlifecycle.process.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A host that keeps Camunda's auto-deployment (its default pattern finds every *.bpmn and *.dmn on the class path,
 * this plugin's included) keeps deploying its own resources; the lifecycle models are left to the plugin's own
 * deployment, which carries their forms.
 */
class LifecycleModelDeployerTest {

    @Test
    void the_hosts_auto_deployment_keeps_its_own_resources_and_loses_only_the_lifecycle_models() throws Exception {
        // What Camunda's default pattern finds: the lifecycle models (in this plugin) and the host's own.
        List<Resource> found = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        found.addAll(List.of(resolver.getResources("classpath*:**/*.bpmn")));
        found.addAll(List.of(resolver.getResources("classpath*:**/*.dmn")));
        List<String> lifecycle = LifecycleModelDeployer.resources().stream().map(Resource::getFilename).toList();
        assertThat(found).extracting(Resource::getFilename).as("the pattern finds the lifecycle models")
                .contains("account-disable.bpmn", "approval-routing.dmn");
        List<Resource> hosts = found.stream().filter(r -> !r.getDescription().contains("/atlassian-lifecycle/"))
                .toList();
        assertThat(hosts).as("the host's own (here: the test routing tables)").isNotEmpty();

        SpringProcessEngineConfiguration engine = new SpringProcessEngineConfiguration();
        engine.setDeploymentResources(found.toArray(Resource[]::new));
        new LifecycleModelDeployer().postInit(engine);

        assertThat(engine.getDeploymentResources()).containsExactlyInAnyOrderElementsOf(hosts);
        assertThat(engine.getDeploymentResources()).extracting(Resource::getFilename).doesNotContainAnyElementsOf(
                lifecycle.stream().filter(name -> name.endsWith(".bpmn")).toList());
    }

    @Test
    void a_host_without_auto_deployment_is_left_as_it_is() {
        SpringProcessEngineConfiguration engine = new SpringProcessEngineConfiguration();
        new LifecycleModelDeployer().postInit(engine);
        assertThat(engine.getDeploymentResources()).isEmpty();
    }
}
