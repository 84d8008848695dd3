package io.github.atlassianlifecycle.process.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.support.DemoAppTest;
import io.github.atlassianlifecycle.support.FreeAccounts;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * A designer's own process running an operation's bean in the application's engine: the job runs it, the output
 * parameter maps its outcome out, and a refusal is a BPMN error a boundary event catches by its code.
 */
@DemoAppTest
class OperationTasksIT {

    private static final String KEY = "operation-tasks-it";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    RequestRepository requests;

    SimulatorControl simulator;
    String deployment;

    @BeforeEach
    void deploy() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent("start")
                .serviceTask("deactivate").camundaAsyncBefore()
                .camundaDelegateExpression("${" + OperationDelegate.beanName(ReusableOperation.DEACTIVATE) + "}")
                .camundaInputParameter("accountId", "${who}")
                .camundaOutputParameter("deactivated", "${outcome}")
                .boundaryEvent("refused").error("INVALID_REQUEST").endEvent("ended-refused")
                .moveToActivity("deactivate").endEvent("ended")
                .done();
        deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment, true);
    }

    @Test
    void a_deactivate_task_deactivates_the_account_and_maps_its_outcome_out() {
        String account = new FreeAccounts(simulator, requests).take();

        String id = runtime.startProcessInstanceByKey(KEY, Map.of("who", account)).getId();

        assertThat(endOf(id)).isEqualTo("ended");
        assertThat(variable(id, "deactivated")).isEqualTo("APPLIED");
        assertThat(simulator.account(account)).containsEntry("accountStatus", "inactive");
    }

    @Test
    void bad_input_is_a_bpmn_error_coded_invalid_request_that_the_model_catches() {
        String id = runtime.startProcessInstanceByKey(KEY, Map.of("who", "not an account id")).getId();

        assertThat(endOf(id)).isEqualTo("ended-refused");
        assertThat(variable(id, "deactivated")).isNull();
    }

    /** The id of the end event the instance ended at, once the job executor has run its job. */
    private String endOf(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .finished().singleResult();
            if (done != null) {
                return done.getEndActivityId();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("process instance " + id + " did not end within 30 s");
    }

    private Object variable(String id, String name) {
        HistoricVariableInstance found = history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName(name).singleResult();
        return found == null ? null : found.getValue();
    }
}
