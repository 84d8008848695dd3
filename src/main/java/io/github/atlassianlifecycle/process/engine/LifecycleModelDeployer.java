package io.github.atlassianlifecycle.process.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
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
 *
 * <p>The models are also taken out of the host application's own auto-deployment (Camunda's default pattern,
 * {@code classpath*:**&#47;*.bpmn}, finds them in this jar): deployed there too, without their forms, each key would
 * get a second version whose approval tasks show no form. Everything else the host auto-deploys stays.
 */
public class LifecycleModelDeployer extends SpringProcessEnginePlugin {

    public static final String DEPLOYMENT_NAME = "atlassian-lifecycle";
    static final String[] PATTERNS = { "classpath*:atlassian-lifecycle/*.bpmn", "classpath*:atlassian-lifecycle/*.dmn",
            "classpath*:atlassian-lifecycle/*.form" };
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleModelDeployer.class);

    /** After every preInit, so after the starter has collected the host's auto-deployment resources. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl engineConfiguration) {
        if (!(engineConfiguration instanceof SpringProcessEngineConfiguration configuration)) {
            return;
        }
        Resource[] hostResources = configuration.getDeploymentResources();
        if (hostResources == null || hostResources.length == 0) {
            return;
        }
        Set<String> ours = new HashSet<>();
        for (Resource resource : resources()) {
            ours.add(location(resource));
        }
        List<Resource> kept = new ArrayList<>();
        for (Resource resource : hostResources) {
            if (!ours.contains(location(resource))) {
                kept.add(resource);
            }
        }
        if (kept.size() < hostResources.length) {
            LOG.info("Lifecycle models left out of the application's auto-deployment ({} resources): they are deployed"
                    + " as their own deployment '{}'", hostResources.length - kept.size(), DEPLOYMENT_NAME);
            configuration.setDeploymentResources(kept.toArray(Resource[]::new));
        }
    }

    private static String location(Resource resource) {
        try {
            return resource.getURL().toExternalForm();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

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

    public static List<Resource> resources() {
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
