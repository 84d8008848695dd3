package io.github.atlassianlifecycle.process.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.atlassianlifecycle.lifecycle.ApprovalRoute;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.process.steps.RouteApprovalDelegate;

/**
 * The dry run's DMN engine routes every request as the engine's decision service does (the process's routing step),
 * and leaves no trace in history.
 */
class QuietDmnEngineTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    @Test
    @Deployment(resources = "atlassian-lifecycle/approval-routing.dmn")
    void every_request_is_routed_as_the_decision_service_routes_it_and_nothing_is_recorded() throws Exception {
        ProcessEngine engine = extension.getProcessEngine();
        DmnEngine quiet = QuietDmnEngine.twinOf(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration());
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(RouteApprovalDelegate.DECISION).singleResult();
        DmnDecision table;
        try (InputStream model = engine.getRepositoryService().getDecisionModel(definition.getId())) {
            table = quiet.parseDecision(RouteApprovalDelegate.DECISION, model);
        }

        int compared = 0;
        for (LifecycleAction action : LifecycleAction.values()) {
            for (ReasonCode reason : ReasonCode.values()) {
                for (boolean automation : new boolean[] { false, true }) {
                    for (boolean privileged : new boolean[] { false, true }) {
                        Map<String, Object> inputs = ApprovalRoute.inputs(action, reason.name(), automation, privileged);
                        long recorded = engine.getHistoryService().createHistoricDecisionInstanceQuery().count();

                        ApprovalRoute dryRun = ApprovalRoute.of(action,
                                RouteApprovalDelegate.outputs(quiet.evaluateDecision(table, inputs)));

                        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().count())
                                .as("recorded by the dry run").isEqualTo(recorded);
                        ApprovalRoute process = ApprovalRoute.of(action, RouteApprovalDelegate.outputs(
                                engine.getDecisionService().evaluateDecisionById(definition.getId()).variables(inputs)
                                        .evaluate()));
                        assertThat(dryRun).as(inputs.toString()).isEqualTo(process);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(LifecycleAction.values().length * ReasonCode.values().length * 4);
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().count())
                .as("the decision service does record, so the count above could have moved").isEqualTo(compared);
    }
}
