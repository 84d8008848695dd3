package io.github.atlassianlifecycle.process.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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
 *   switched it off;</li>
 *   <li>a job lock time ({@code camunda.bpm.job-execution.lock-time-in-millis}) at least twice the longest an Atlassian
 *   call may take: a job whose lock expires while it still calls is acquired again (by another node, or by this one
 *   once it restarts) and would make the call twice. The lock time is also how long a crashed node's jobs wait
 *   before another node takes them over, so it bounds recovery.</li>
 * </ul>
 */
public class LifecycleEngineRequirements extends AbstractProcessEnginePlugin {

    static final String AUTHORIZATION = "camunda.bpm.authorization.enabled";
    static final String HISTORY_LEVEL = "camunda.bpm.history-level";
    static final String GENERIC_PROPERTIES = "camunda.bpm.generic-properties.properties";
    static final String HISTORIC_INSTANCE_PERMISSIONS = "enable-historic-instance-permissions";
    static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis";
    /** The settings whose sum {@link #longestCall} is, as the message names them. */
    static final String LONGEST_CALL = "atlassian.rate-limit.max-wait + 2 x atlassian.http.connect-timeout"
            + " + atlassian.http.response-timeout";

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleEngineRequirements.class);

    /** The host's own value of the historic instance permissions, or null when it left them unset. */
    private final Boolean hostHistoricInstancePermissions;

    /** The longest one Atlassian call may hold a job (see {@code AtlassianProperties#longestCall()}). */
    private final Duration longestCall;

    public LifecycleEngineRequirements(Boolean hostHistoricInstancePermissions, Duration longestCall) {
        this.hostHistoricInstancePermissions = hostHistoricInstancePermissions;
        this.longestCall = longestCall;
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
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null && Duration.ofMillis(jobExecutor.getLockTimeInMillis()).compareTo(longestCall.multipliedBy(2)) < 0) {
            problems.add(LOCK_TIME + " is " + jobExecutor.getLockTimeInMillis() + ": set at least twice the longest an"
                    + " Atlassian call may take (" + LONGEST_CALL + " = " + longestCall.toMillis() + " ms), or shorten"
                    + " those (a job still calling when its lock expires is run again, and makes its call twice)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The Atlassian lifecycle plugin cannot run on this process engine: "
                    + String.join("; ", problems));
        }
    }
}
