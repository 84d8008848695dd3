package io.github.atlassianlifecycle.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestStatus;

/**
 * Closes a request in the request store when its process ends (in the same transaction), whatever the end: an end
 * event, or deletion. Added to the lifecycle processes when they are parsed, so the models designers edit carry no
 * bookkeeping.
 */
public class RequestTrackingPlugin extends AbstractProcessEnginePlugin {

    private static final Set<String> KEYS = Arrays.stream(LifecycleAction.values()).map(LifecycleAction::processKey)
            .collect(Collectors.toSet());

    private final RequestRepository repository;
    private final Clock clock;

    public RequestTrackingPlugin(RequestRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener closer = this::close;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (KEYS.contains(definition.getKey())) {
                    definition.addListener(ExecutionListener.EVENTNAME_END, closer);
                }
            }
        });
    }

    private void close(DelegateExecution execution) {
        Object outcome = execution.getVariable(ProcessVariables.OUTCOME);
        String text = outcome == null ? null : outcome.toString();
        repository.close(execution.getProcessInstanceId(), RequestStatus.ofOutcome(text), text, clock.instant());
    }
}
