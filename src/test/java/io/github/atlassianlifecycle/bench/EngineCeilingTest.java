package io.github.atlassianlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

class EngineCeilingTest {

    @Test
    void the_ceiling_model_has_as_many_async_no_op_steps_as_a_pre_approved_disable_has_jobs() {
        BpmnModelInstance model = Bpmn.readModelFromStream(
                new ByteArrayInputStream(EngineCeiling.model().getBytes(StandardCharsets.UTF_8)));
        Bpmn.validateModel(model);

        assertThat(model.getModelElementsByType(ServiceTask.class)).hasSize(EngineCeiling.JOBS)
                .allSatisfy(task -> {
                    assertThat(task.isCamundaAsyncBefore()).isTrue();
                    assertThat(task.getCamundaExpression()).isEqualTo("${true}");
                });
    }
}
