package io.github.atlassianlifecycle.process.operation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.operation.OperationInput;
import io.github.atlassianlifecycle.lifecycle.operation.OperationRunner;
import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;

/**
 * Runs one reusable Atlassian operation as a service task: reads its inputs from variables (the task's input
 * parameters), runs it, and sets its outputs as local variables, for the task's output parameters to map out.
 * A business refusal (bad input included) is a BPMN error whose code is the {@link
 * io.github.atlassianlifecycle.lifecycle.BusinessError}; anything else propagates, so the engine's retry cycle
 * applies to transient failures and an incident names the rest.
 */
public class OperationDelegate implements JavaDelegate {

    /** Prefix of every operation's bean name: {@code atlassianSuspend} runs {@link ReusableOperation#SUSPEND}. */
    static final String BEAN_PREFIX = "atlassian";

    private final ReusableOperation operation;
    private final OperationRunner runner;

    public OperationDelegate(ReusableOperation operation, OperationRunner runner) {
        this.operation = operation;
        this.runner = runner;
    }

    /** The bean a model names to run {@code operation}: {@code ${atlassianSuspend}}, derived from its key. */
    public static String beanName(ReusableOperation operation) {
        return BEAN_PREFIX + Character.toUpperCase(operation.key().charAt(0)) + operation.key().substring(1);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (OperationInput input : operation.inputs()) {
            Object value = execution.getVariable(input.name());
            if (value != null) {
                inputs.put(input.name(), value.toString());
            }
        }
        Map<String, String> outputs;
        try {
            outputs = runner.run(operation, inputs);
        } catch (LifecycleBusinessException refused) {
            // The engine still maps the task's output parameters when a boundary event catches the error: each
            // output must resolve, to nothing.
            operation.outputs().forEach(output -> execution.setVariableLocal(output.name(), null));
            throw new BpmnError(refused.error().name(), refused.getMessage());
        }
        outputs.forEach(execution::setVariableLocal);
    }

    public ReusableOperation operation() {
        return operation;
    }
}
