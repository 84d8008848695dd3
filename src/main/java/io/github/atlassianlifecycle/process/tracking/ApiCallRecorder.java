package io.github.atlassianlifecycle.process.tracking;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.client.transport.ApiCall;
import io.github.atlassianlifecycle.client.transport.ApiCallListener;
import io.github.atlassianlifecycle.request.RecordedApiCall;
import io.github.atlassianlifecycle.request.RequestRepository;

/**
 * Records every Atlassian call made while a lifecycle process runs, for the request's evidence. It writes in a
 * transaction of its own: when the step's transaction rolls back (a transient failure, to be retried), the call
 * still happened and stays on the record.
 */
public class ApiCallRecorder implements ApiCallListener {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCallRecorder.class);

    private final RequestRepository repository;
    private final TransactionTemplate separateTransaction;

    /** @param separateTransaction a template with propagation REQUIRES_NEW */
    public ApiCallRecorder(RequestRepository repository, TransactionTemplate separateTransaction) {
        this.repository = repository;
        this.separateTransaction = separateTransaction;
    }

    @Override
    public void onCall(ApiCall call) {
        String processInstanceId = currentProcessInstance();
        if (processInstanceId == null) {
            return; // not made by a process (the simulator's own tests, a health check, ...)
        }
        RecordedApiCall recorded = new RecordedApiCall(call.startedAt(), call.duration().toMillis(),
                call.family().displayName(), call.operation(), call.method(), call.path(), call.status(), call.requestId());
        try {
            separateTransaction.executeWithoutResult(status -> repository.recordApiCall(processInstanceId, recorded));
        } catch (RuntimeException e) {
            LOG.error("Could not record {} {} of process instance {}: {}", call.family().displayName(), call.operation(),
                    processInstanceId, e.toString());
        }
    }

    private static String currentProcessInstance() {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        return context == null || context.getExecution() == null ? null : context.getExecution().getProcessInstanceId();
    }
}
