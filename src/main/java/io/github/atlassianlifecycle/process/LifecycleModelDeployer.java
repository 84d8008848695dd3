package io.github.atlassianlifecycle.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the lifecycle models (BPMN, DMN and Camunda Forms from {@code bpmn/}, packaged under
 * {@code atlassian-lifecycle/}) as one deployment when the engine starts. One deployment keeps
 * {@code camunda:formRef} with binding {@code deployment} working. Unchanged models are not redeployed, so restarts
 * and cluster nodes do not pile up versions.
 */
public class LifecycleModelDeployer extends SpringProcessEnginePlugin {

    public static final String DEPLOYMENT_NAME = "atlassian-lifecycle";
    static final String[] PATTERNS = { "classpath*:atlassian-lifecycle/*.bpmn", "classpath*:atlassian-lifecycle/*.dmn",
            "classpath*:atlassian-lifecycle/*.form" };
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleModelDeployer.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        List<Resource> resources = resources();
        if (resources.isEmpty()) {
            LOG.warn("No lifecycle models found on the class path under atlassian-lifecycle/; nothing deployed");
            return;
        }
        DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lifecycle model " + resource.getFilename(), e);
            }
        }
        String id = deployment.deploy().getId();
        LOG.info("Lifecycle models deployed ({} resources, deployment {})", resources.size(), id);
    }

    static List<Resource> resources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                LifecycleModelDeployer.class.getClassLoader());
        List<Resource> found = new ArrayList<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    found.add(resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list lifecycle models", e);
        }
        found.sort(Comparator.comparing(Resource::getFilename));
        return found;
    }
}
