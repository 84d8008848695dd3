package io.github.atlassianlifecycle.process.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The lifecycle groups ({@code lifecycle-requesters}, {@code lifecycle-approvers}, ...) have hyphens, which
 * Camunda's default group id pattern ({@code [a-zA-Z0-9]+|camunda-admin}) refuses. This plugin adds them to the
 * group pattern (on top of the general one), unless the application has set a group pattern, which then wins.
 */
public class LifecycleGroupIdsPlugin extends AbstractProcessEnginePlugin {

    static final String LIFECYCLE_GROUPS = "lifecycle-[a-z]+";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getGroupResourceWhitelistPattern() == null) {
            String general = configuration.getGeneralResourceWhitelistPattern();
            configuration.setGroupResourceWhitelistPattern(
                    general == null ? LIFECYCLE_GROUPS : general + "|" + LIFECYCLE_GROUPS);
        }
    }
}
