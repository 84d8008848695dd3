package io.github.atlassianlifecycle.process.tracking;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import io.github.atlassianlifecycle.batch.Batch;
import io.github.atlassianlifecycle.batch.BatchEngine;
import io.github.atlassianlifecycle.batch.BatchService;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/** The batch service's engine, in Camunda: a batch's approval process, started as the caller. */
public class CamundaBatchEngine implements BatchEngine {

    private final ProcessEngine engine;

    public CamundaBatchEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public String start(Batch batch) {
        return engine.getRuntimeService().startProcessInstanceByKey(BatchService.PROCESS_KEY, batch.id(),
                Map.of(ProcessVariables.BATCH_ID, batch.id())).getId();
    }
}
