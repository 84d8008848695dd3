package io.github.atlassianlifecycle.process.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;

/** The request processes as the tracking plugins see them when the engine parses models. */
final class LifecycleModels {

    /** The process definition keys of the lifecycle actions. */
    static final Set<String> KEYS = Arrays.stream(LifecycleAction.values()).map(LifecycleAction::processKey)
            .collect(Collectors.toSet());

    private LifecycleModels() {
    }

    /** Adds a listener that runs after the engine's own parsing of every model (so it sees the parsed activities). */
    static void afterParsing(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }
}
