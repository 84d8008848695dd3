package io.github.atlassianlifecycle.process.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.WeakHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The engine's seal key and what it signs with it: completing a task or writing variables can set any variable, so
 * whatever a request asks for and whatever was decided and done about it is sealed ({@link Seal}) by the process's
 * own steps, and a seal cannot be forged by writing variables. The key is a random secret kept in the engine's
 * database (shared by every node of a cluster, created when the engine starts); seals are HMAC-SHA256.
 */
public class RequestFingerprint extends AbstractProcessEnginePlugin {

    static final String KEY_PROPERTY = "atlassian-lifecycle.request-seal-key";
    /** The key once read, per engine (a JVM may run several engines, each with its own database and key). */
    private static final Map<ProcessEngineConfigurationImpl, byte[]> KEYS = new WeakHashMap<>();

    /**
     * Creates the key when the engine starts. Created on first use instead, approval tasks created at the same
     * moment by parallel jobs would each insert it, and all but one job would fail on the property's unique name
     * and wait for a retry.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ManagementService management = engine.getManagementService();
        try {
            readOrCreate(management);
        } catch (ProcessEngineException raced) {
            if (management.getProperties().get(KEY_PROPERTY) == null) {
                throw raced;
            }
            // another node of the cluster, starting at the same moment, created it
        }
    }

    /** HMAC-SHA256 of {@code text} with the engine's seal key, Base64. */
    public static String mac(String text, ManagementService management) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(management), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Read from the database until found, then kept for that engine: once created the key never changes, and
     * another cluster node may have created it first. Reading engine properties needs admin rights; the seal is the
     * engine's own business, so it runs without the caller's authorization checks.
     */
    private static byte[] key(ManagementService management) {
        CommandContext context = Context.getCommandContext();
        ProcessEngineConfigurationImpl engine = context == null ? null : context.getProcessEngineConfiguration();
        if (engine != null) {
            synchronized (KEYS) {
                byte[] known = KEYS.get(engine);
                if (known != null) {
                    return known;
                }
            }
        }
        String stored = context == null ? readOrCreate(management)
                : context.runWithoutAuthorization(() -> readOrCreate(management));
        byte[] key = Base64.getDecoder().decode(stored);
        if (engine != null) {
            synchronized (KEYS) {
                KEYS.put(engine, key);
            }
        }
        return key;
    }

    private static String readOrCreate(ManagementService management) {
        String stored = management.getProperties().get(KEY_PROPERTY);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            stored = Base64.getEncoder().encodeToString(fresh);
            management.setProperty(KEY_PROPERTY, stored);
        }
        return stored;
    }
}
