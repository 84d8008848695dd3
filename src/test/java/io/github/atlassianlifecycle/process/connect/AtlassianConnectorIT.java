package io.github.atlassianlifecycle.process.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.FreeAccounts;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The {@code atlassian} connector in a BPMN of its own: {@code camunda:connector} service tasks with
 * {@code camunda:inputOutput} revoke an account's API tokens and suspend it against the simulator, through the
 * engine's Connect plugin (so the plugin is active and the ServiceLoader-made connector reaches the Spring runner);
 * a wrong operation or a missing input fails the task with a message naming it.
 */
@DemoAppTest
class AtlassianConnectorIT {

    private static final String PROCESS = "atlassianConnectorTest";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RequestRepository requests;

    SimulatorControl simulator;
    String deployment;

    @BeforeEach
    void deploy() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        deployment = engine.getRepositoryService().createDeployment().name("atlassian-connector-it")
                .addClasspathResource("connector/atlassian-connector.bpmn").deploy().getId();
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void a_connector_task_revokes_the_tokens_and_suspends_and_a_second_run_revokes_none() {
        String account = new FreeAccounts(simulator, requests).take();
        int owned = ((Number) simulator.account(account).get("apiTokens")).intValue();
        assertThat(owned).as("the seeded account owns tokens").isPositive();

        String first = start(Map.of("operation", "revokeApiTokens", "accountId", account));

        assertThat(variable(first, "revokedTokens")).isEqualTo(String.valueOf(owned));
        assertThat(variable(first, "revokeOutcome")).isEqualTo("APPLIED");
        assertThat(variable(first, "suspendOutcome")).isEqualTo("APPLIED");
        assertThat(simulator.account(account).get("apiTokens")).isEqualTo(0);
        assertThat(simulator.account(account).get("status")).isEqualTo("suspended");

        String second = start(Map.of("operation", "revokeApiTokens", "accountId", account));

        assertThat(variable(second, "revokedTokens")).isEqualTo("0");
        assertThat(variable(second, "revokeOutcome")).isEqualTo("ALREADY_DONE");
        assertThat(variable(second, "suspendOutcome")).isEqualTo("ALREADY_DONE");
    }

    @Test
    void an_unknown_operation_fails_the_task_naming_it_and_the_operations_there_are() {
        assertThatThrownBy(() -> start(Map.of("operation", "FIRE_EVERYONE", "accountId", "x")))
                .hasMessageContaining("'FIRE_EVERYONE'").hasMessageContaining("revokeApiTokens");
    }

    @Test
    void a_missing_input_fails_the_task_naming_the_operation_and_the_input() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("operation", "revokeApiTokens");
        variables.put("accountId", null);

        assertThatThrownBy(() -> start(variables))
                .hasMessageContaining("Operation revokeApiTokens needs the input 'accountId'");
    }

    private String start(Map<String, Object> variables) {
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, variables).getId();
    }

    private Object variable(String instance, String name) {
        HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance).variableName(name).singleResult();
        assertThat(variable).as("variable %s of %s", name, instance).isNotNull();
        return variable.getValue();
    }
}
