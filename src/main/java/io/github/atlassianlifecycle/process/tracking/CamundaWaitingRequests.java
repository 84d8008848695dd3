package io.github.atlassianlifecycle.process.tracking;

import org.camunda.bpm.engine.ProcessEngine;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.ops.WaitingRequests;
import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.process.engine.WithoutAuthentication;

/**
 * The engine's counts behind the open-requests gauge: open approval tasks of the lifecycle models, and deletions'
 * grace-period timers. One count query each, without the caller's authorizations (a scrape is nobody's).
 */
public class CamundaWaitingRequests implements WaitingRequests {

    /** The timer of {@code account-delete} that ends the grace period. */
    static final String GRACE_PERIOD_TIMER = "grace-period-over";

    private static final String[] KEYS = LifecycleModels.KEYS.toArray(String[]::new);

    private final ProcessEngine engine;

    public CamundaWaitingRequests(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public long forApproval() {
        return WithoutAuthentication.call(engine.getIdentityService(), () -> engine.getTaskService().createTaskQuery()
                .processDefinitionKeyIn(KEYS).taskDefinitionKeyLike(Approvals.APPROVAL_TASK_PREFIX + "%").count());
    }

    @Override
    public long forGracePeriod() {
        return WithoutAuthentication.call(engine.getIdentityService(), () -> engine.getManagementService().createJobQuery().timers()
                .processDefinitionKey(LifecycleAction.DELETE.processKey()).activityId(GRACE_PERIOD_TIMER).count());
    }
}
