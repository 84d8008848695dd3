package io.github.atlassianlifecycle.process.engine;

import java.util.Collection;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Authorizations on single instances, made by the engine's own listeners (so without the caller's rights): the
 * requester may read the request they started; on an approval task, the requester and earlier approvers are
 * refused the right to claim, be assigned or complete it. A user-level refusal outranks any group grant, so the
 * engine answers such an attempt with an authorization error (REST: 403) before any listener runs.
 */
public final class InstanceAuthorizations {

    private InstanceAuthorizations() {
    }

    public static void letRequesterRead(DelegateExecution execution, String requester) {
        if (!enabled() || requester == null) {
            return;
        }
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            grant(authorizations, requester, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(),
                    ProcessInstancePermissions.READ);
            if (Context.getProcessEngineConfiguration().isEnableHistoricInstancePermissions()) {
                grant(authorizations, requester, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(),
                        HistoricProcessInstancePermissions.READ);
            }
            return null;
        });
    }

    public static void refuseTask(DelegateTask task, Collection<String> users) {
        if (!enabled() || users.isEmpty()) {
            return;
        }
        AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            for (String user : users) {
                Authorization refusal = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
                refusal.setUserId(user);
                refusal.setResource(Resources.TASK);
                refusal.setResourceId(task.getId());
                refusal.removePermission(TaskPermissions.TASK_WORK);
                refusal.removePermission(TaskPermissions.UPDATE);
                refusal.removePermission(TaskPermissions.TASK_ASSIGN);
                refusal.removePermission(TaskPermissions.UPDATE_VARIABLE);
                authorizations.saveAuthorization(refusal);
            }
            return null;
        });
    }

    private static void grant(AuthorizationService authorizations, String user,
            org.camunda.bpm.engine.authorization.Resource resource, String resourceId,
            org.camunda.bpm.engine.authorization.Permission permission) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }

    private static boolean enabled() {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        return configuration != null && configuration.isAuthorizationEnabled();
    }
}
