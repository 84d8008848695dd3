package io.github.atlassianlifecycle.process;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Seals what a request asks for and what was decided so far, so an approval approves exactly that: completing a task
 * can set any variable, and without the seal an approver could change {@code accountId}, the plan, or an earlier
 * approval in the same call that approves. The seal is an
 * HMAC over the request fields, keyed by a random secret kept in the engine's database (shared by every node of a
 * cluster, created when the engine starts), so a seal cannot be forged by writing variables.
 */
public class RequestFingerprint extends AbstractProcessEnginePlugin {

    static final String KEY_PROPERTY = "atlassian-lifecycle.request-seal-key";
    static final List<String> SEALED = List.of(ProcessVariables.ACCOUNT_ID, ProcessVariables.EMAIL,
            ProcessVariables.DISPLAY_NAME, ProcessVariables.GROUPS, ProcessVariables.REASON,
            ProcessVariables.REASON_CODE, ProcessVariables.REQUESTER, ProcessVariables.REQUESTER_IS_AUTOMATION,
            ProcessVariables.PLAN, ProcessVariables.PLAN_HASH, ProcessVariables.APPROVALS, ProcessVariables.SNAPSHOT,
            ProcessVariables.PRE_APPROVED, ProcessVariables.FIRST_APPROVER_GROUP,
            ProcessVariables.SECOND_APPROVER_GROUP, ProcessVariables.NEEDS_SECOND_APPROVAL);

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

    /** The seal of the request fields as they are now in {@code scope}. */
    public String seal(VariableScope scope, ManagementService management) {
        StringBuilder canonical = new StringBuilder();
        for (String name : SEALED) {
            Object value = scope.getVariable(name);
            canonical.append(name).append('=').append(value == null ? "\u0000" : value.getClass().getSimpleName()
                    + ":" + value).append('\n');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(management), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean matches(String expected, VariableScope scope, ManagementService management) {
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                seal(scope, management).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Read every time rather than cached: another cluster node may have created it first. Approvals are rare.
     * Reading engine properties needs admin rights; the seal is the engine's own business, so it runs without
     * the caller's authorization checks.
     */
    private static byte[] key(ManagementService management) {
        CommandContext context = Context.getCommandContext();
        String stored = context == null ? readOrCreate(management)
                : context.runWithoutAuthorization(() -> readOrCreate(management));
        return Base64.getDecoder().decode(stored);
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
