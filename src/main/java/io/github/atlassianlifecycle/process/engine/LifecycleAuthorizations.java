package io.github.atlassianlifecycle.process.engine;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;

/**
 * The engine authorizations of the lifecycle groups, created at startup when missing (existing ones, perhaps
 * tightened by an administrator, are left alone):
 * <ul>
 *   <li>{@code lifecycle-requesters} and {@code lifecycle-automation} start the lifecycle processes (and the batch
 *   approval, {@code account-batch}) and use Tasklist
 *   (where nothing of theirs is to approve); each requester reads the instances they started (granted per
 *   instance when it starts);</li>
 *   <li>{@code lifecycle-approvers} and {@code lifecycle-security} use Tasklist and see the lifecycle processes; the
 *   engine itself gives candidate groups their approval tasks;</li>
 *   <li>{@code lifecycle-security} and {@code lifecycle-automation} start {@code account-reconcile} and
 *   {@code account-campaign} (the requests
 *   its approved findings start run on the reviewed reconciliation's authority, not on a grant);</li>
 *   <li>{@code camunda-admin} may do everything (Camunda's own rule).</li>
 * </ul>
 */
public class LifecycleAuthorizations extends AbstractProcessEnginePlugin {

    static final List<String> STARTERS = List.of("lifecycle-requesters", "lifecycle-automation");
    static final List<String> DECIDERS = List.of("lifecycle-approvers", "lifecycle-security");
    static final List<String> RECONCILERS = List.of("lifecycle-security", "lifecycle-automation");
    /** The lifecycle processes and the batch approval: starters start them all, deciders see them all. */
    static final List<String> PROCESS_KEYS = Stream.concat(Arrays.stream(LifecycleAction.values())
            .map(LifecycleAction::processKey), Stream.of(BatchService.PROCESS_KEY)).toList();
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleAuthorizations.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return;
        }
        AuthorizationService authorizations = engine.getAuthorizationService();
        int created = 0;
        for (String group : STARTERS) {
            for (String key : PROCESS_KEYS) {
                created += grant(authorizations, group, Resources.PROCESS_DEFINITION, key,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
            created += grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY,
                    ProcessInstancePermissions.CREATE);
            created += grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            created += grant(authorizations, group, Resources.FILTER, Authorization.ANY, Permissions.READ);
        }
        for (String group : DECIDERS) {
            for (String key : PROCESS_KEYS) {
                created += grant(authorizations, group, Resources.PROCESS_DEFINITION, key,
                        ProcessDefinitionPermissions.READ);
            }
            created += grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            created += grant(authorizations, group, Resources.FILTER, Authorization.ANY, Permissions.READ);
            created += grant(authorizations, group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        }
        for (String group : RECONCILERS) {
            created += grant(authorizations, group, Resources.PROCESS_DEFINITION, ReconciliationService.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            created += grant(authorizations, group, Resources.PROCESS_DEFINITION, CampaignService.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            created += grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY,
                    ProcessInstancePermissions.CREATE);
        }
        if (created > 0) {
            LOG.info("Created {} engine authorizations for the lifecycle groups", created);
        }
    }

    private static int grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
            Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (exists) {
            return 0;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
        return 1;
    }
}
