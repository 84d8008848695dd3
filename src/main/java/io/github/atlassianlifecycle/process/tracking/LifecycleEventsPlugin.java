package io.github.atlassianlifecycle.process.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.ops.LifecycleEvents;
import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.process.decisions.ApprovalTaskListener;
import io.github.atlassianlifecycle.process.engine.AfterCommit;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStatus;
import io.github.atlassianlifecycle.request.StoredRequest;

/**
 * Tells {@link LifecycleEvents} when a lifecycle request ends (with the time since it was submitted, from the request
 * store) and when an approver decides (with the time the approval waited), once the engine's transaction commits.
 * Added as built-in listeners when the lifecycle models are parsed, like {@link RequestTrackingPlugin}, so the
 * models carry none.
 */
public class LifecycleEventsPlugin extends AbstractProcessEnginePlugin {

    private final LifecycleEvents events;
    private final RequestRepository repository;
    private final Clock clock;

    public LifecycleEventsPlugin(LifecycleEvents events, RequestRepository repository, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener ended = this::ended;
        TaskListener decided = this::decided;
        LifecycleModels.afterParsing(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (LifecycleModels.KEYS.contains(definition.getKey())) {
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
                }
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && LifecycleModels.KEYS.contains(definition.getKey()) && Approvals.isApprovalTask(activity.getId())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                    task.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, decided);
                }
            }
        });
    }

    private void ended(DelegateExecution execution) {
        LifecycleAction action = RequestVariables.action(execution);
        Object outcome = execution.getVariable(ProcessVariables.OUTCOME);
        RequestStatus status = RequestStatus.ofOutcome(outcome == null ? null : outcome.toString());
        Instant now = clock.instant();
        Instant submitted = repository.findByProcessInstance(execution.getProcessInstanceId())
                .map(StoredRequest::createdAt).orElse(now);
        Duration since = Duration.between(submitted, now);
        AfterCommit.run(() -> events.requestEnded(action, status, since));
    }

    private void decided(DelegateTask task) {
        boolean approved;
        try {
            approved = ApprovalTaskListener.decision(task.getVariable(ProcessVariables.APPROVED));
        } catch (RuntimeException refused) {
            return; // the approval's own listener refuses the completion: nothing was decided
        }
        LifecycleAction action = RequestVariables.action(task.getExecution());
        Duration waited = Duration.between(task.getCreateTime().toInstant(), clock.instant());
        AfterCommit.run(() -> events.approvalDecided(action, approved, waited));
    }
}
