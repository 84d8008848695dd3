package io.github.atlassianlifecycle.process.tracking;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStatus;

/**
 * Keeps the request store in step with the lifecycle processes, in their own transactions, whatever door they came
 * through and however they end. A process the request API started is attached to the request it stores (its
 * business key); one started straight through the engine ({@code /engine-rest}) becomes a request of its own, with
 * the same record and evidence, its id the process instance's. When the process ends (an end event, or deletion),
 * the request is closed with the status its {@code outcome} means; an outcome this version does not know (a
 * designer's new end event) does not stop the instance from ending: the request is closed as
 * {@link RequestStatus#UNKNOWN_OUTCOME}, keeping the outcome, with a warning.
 *
 * <p>Added to the lifecycle processes when they are parsed, as built-in listeners (so a start that skips custom
 * listeners skips no bookkeeping), so the models designers edit carry none.
 */
public class RequestTrackingPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTrackingPlugin.class);
    private final RequestRepository repository;
    private final Clock clock;

    public RequestTrackingPlugin(RequestRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener tracker = this::track;
        ExecutionListener closer = this::close;
        LifecycleModels.afterParsing(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (LifecycleModels.KEYS.contains(definition.getKey())) {
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, tracker);
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, closer);
                }
            }
        });
    }

    private void track(DelegateExecution execution) {
        String processInstanceId = execution.getProcessInstanceId();
        String businessKey = execution.getProcessBusinessKey();
        // The request API stores its request first, in this same transaction, keyed by the business key.
        if (businessKey != null && repository.find(businessKey).filter(r -> r.processInstanceId() == null).isPresent()) {
            repository.attachProcess(businessKey, processInstanceId);
            return;
        }
        if (repository.findByProcessInstance(processInstanceId).isEmpty()) {
            repository.insertStarted(StartedRequest.of(execution, RequestVariables.action(execution), clock.instant()));
        }
    }

    private void close(DelegateExecution execution) {
        Object outcome = execution.getVariable(ProcessVariables.OUTCOME);
        String text = outcome == null ? null : outcome.toString();
        RequestStatus status = RequestStatus.ofOutcome(text);
        if (status == RequestStatus.UNKNOWN_OUTCOME) {
            LOG.warn("Request {} ended with the outcome '{}', which this version does not know; it is closed as {}",
                    execution.getProcessInstanceId(), text, status);
        }
        repository.close(execution.getProcessInstanceId(), status, text, clock.instant());
    }
}
