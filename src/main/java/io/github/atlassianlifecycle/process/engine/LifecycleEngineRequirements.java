package io.github.atlassianlifecycle.process.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What the lifecycle plugin needs of the process engine of whatever application it runs in, checked once every
 * other configuration has had its say ({@code postInit}): the plugin sets nothing the host decided, and stops the
 * startup with a message naming the setting when the host decided against what the plugin needs.
 * <ul>
 *   <li>authorization checks on ({@code camunda.bpm.authorization.enabled=true}): without them every signed-in user
 *   reads every request and plan through {@code /engine-rest}; required, never switched on behind the host's back;</li>
 *   <li>history level {@code audit} or {@code full}: the evidence and the snapshot an enable restores are read from
 *   the history;</li>
 *   <li>historic instance permissions ({@code enable-historic-instance-permissions}): requesters read the history of
 *   the requests they started and of no other. Switched on when the host left it unset; refused when the host
 *   switched it off.</li>
 * </ul>
 */
public class LifecycleEngineRequirements extends AbstractProcessEnginePlugin {

    static final String AUTHORIZATION = "camunda.bpm.authorization.enabled";
    static final String HISTORY_LEVEL = "camunda.bpm.history-level";
    static final String GENERIC_PROPERTIES = "camunda.bpm.generic-properties.properties";
    static final String HISTORIC_INSTANCE_PERMISSIONS = "enable-historic-instance-permissions";

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleEngineRequirements.class);

    /** The host's own value of the historic instance permissions, or null when it left them unset. */
    private final Boolean hostHistoricInstancePermissions;

    public LifecycleEngineRequirements(Boolean hostHistoricInstancePermissions) {
        this.hostHistoricInstancePermissions = hostHistoricInstancePermissions;
    }

    /**
     * The host's setting of the historic instance permissions among Camunda's generic properties, in any of the
     * spellings Camunda accepts ({@code enable-historic-instance-permissions}, {@code enableHistoricInstancePermissions}),
     * or null when it is not set.
     */
    public static Boolean historicInstancePermissionsSetBy(Environment environment) {
        Map<String, String> generic = Binder.get(environment)
                .bind(GENERIC_PROPERTIES, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        String wanted = normalised(HISTORIC_INSTANCE_PERMISSIONS);
        return generic.entrySet().stream().filter(entry -> normalised(entry.getKey()).equals(wanted))
                .map(entry -> Boolean.valueOf(entry.getValue().trim())).findFirst().orElse(null);
    }

    private static String normalised(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<String> problems = new ArrayList<>();
        if (!configuration.isAuthorizationEnabled()) {
            problems.add("Camunda's authorization checks are off: set " + AUTHORIZATION + "=true (without them every"
                    + " signed-in user reads every request and plan through /engine-rest)");
        }
        HistoryLevel level = configuration.getHistoryLevel();
        if (level != null && level.getId() < HistoryLevel.HISTORY_LEVEL_AUDIT.getId()) {
            problems.add(HISTORY_LEVEL + " is " + level.getName() + ": set audit or full (the evidence and the"
                    + " snapshot an enable restores are read from the history)");
        }
        if (Boolean.FALSE.equals(hostHistoricInstancePermissions)) {
            problems.add(GENERIC_PROPERTIES + "." + HISTORIC_INSTANCE_PERMISSIONS + " is false: set it to true or"
                    + " leave it unset (requesters read the history of their own requests only)");
        } else if (hostHistoricInstancePermissions == null && !configuration.isEnableHistoricInstancePermissions()) {
            configuration.setEnableHistoricInstancePermissions(true);
            LOG.info("Historic instance permissions switched on for the lifecycle requests (the application left "
                    + "{}.{} unset)", GENERIC_PROPERTIES, HISTORIC_INSTANCE_PERMISSIONS);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The Atlassian lifecycle plugin cannot run on this process engine: "
                    + String.join("; ", problems));
        }
    }
}
