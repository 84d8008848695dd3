package io.github.atlassianlifecycle.process.tracking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;

import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.engine.WithoutAuthentication;
import io.github.atlassianlifecycle.process.steps.PendingDeletion;
import io.github.atlassianlifecycle.process.steps.PlanVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.decisions.Approvals;
import io.github.atlassianlifecycle.request.Evidence;
import io.github.atlassianlifecycle.request.RequestEngine;
import io.github.atlassianlifecycle.request.StoredRequest;

/**
 * The request service's engine, in Camunda: a request's process started with its start variables, where its
 * instance waits as the models' elements tell it, what it recorded (from history, so alive or ended), its withdrawal
 * and the cancellation of its deletion. All but the start run without the caller's authorizations.
 */
public class CamundaRequestEngine implements RequestEngine {

    private final ProcessEngine engine;

    public CamundaRequestEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public String start(StoredRequest request) {
        return engine.getRuntimeService().startProcessInstanceByKey(request.action().processKey(), request.id(),
                variables(request)).getId();
    }

    private static Map<String, Object> variables(StoredRequest request) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, ProcessVariables.ACCOUNT_ID, request.accountId());
        put(variables, ProcessVariables.EMAIL, request.email());
        put(variables, ProcessVariables.DISPLAY_NAME, request.displayName());
        put(variables, ProcessVariables.REASON, request.reason());
        put(variables, ProcessVariables.REASON_CODE, request.reasonCode());
        if (!request.groups().isEmpty()) {
            variables.put(ProcessVariables.GROUPS, PlanJson.write(request.groups()));
        }
        return variables;
    }

    private static void put(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    /**
     * At an approval: a user task whose id starts with {@code approve}; at a grace period: an intermediate event or
     * an event-based gateway (the models wait for time or a message nowhere else).
     */
    @Override
    public Waiting waiting(String processInstanceId) {
        return asSystem(() -> {
            ActivityInstance tree = engine.getRuntimeService().getActivityInstance(processInstanceId);
            if (tree == null) {
                return Waiting.NEITHER; // ending this very moment; the store catches up on commit
            }
            List<ActivityInstance> leaves = new ArrayList<>();
            collectLeaves(tree, leaves);
            if (leaves.stream().anyMatch(a -> "userTask".equals(a.getActivityType())
                    && Approvals.isApprovalTask(a.getActivityId()))) {
                return Waiting.FOR_APPROVAL;
            }
            if (leaves.stream().anyMatch(a -> a.getActivityType().startsWith("intermediate")
                    || "eventBasedGateway".equals(a.getActivityType()))) {
                return Waiting.FOR_GRACE_PERIOD;
            }
            return Waiting.NEITHER;
        });
    }

    private static void collectLeaves(ActivityInstance instance, List<ActivityInstance> leaves) {
        if (instance.getChildActivityInstances().length == 0) {
            leaves.add(instance);
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectLeaves(child, leaves);
        }
    }

    @Override
    public boolean approvedOrApplied(String processInstanceId) {
        // Queries, not RuntimeService.getVariable: that loads the execution into the command's cache, and its flush
        // could then collide (OptimisticLockingException, a 500 to the API caller) with a job running the instance.
        return asSystem(() -> {
            RuntimeService runtime = engine.getRuntimeService();
            if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
                return true; // ended this very moment, before the store caught up: too late as well
            }
            return runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                    .variableNameIn(ProcessVariables.APPROVALS, ProcessVariables.APPLIED_CALLS).count() > 0;
        });
    }

    @Override
    public Map<Recorded, Object> recorded(String processInstanceId) {
        return asSystem(() -> {
            Map<String, Object> variables = variables(processInstanceId);
            Map<Recorded, Object> recorded = new EnumMap<>(Recorded.class);
            for (Recorded item : Recorded.values()) {
                Object value = variables.get(variable(item));
                Object shown = item == Recorded.PLAN_TEXT ? PlanVariables.text(value) : value;
                if (shown != null) {
                    recorded.put(item, shown);
                }
            }
            return recorded;
        });
    }

    private static String variable(Recorded item) {
        return switch (item) {
            case PLAN -> ProcessVariables.PLAN;
            case PLAN_HASH -> ProcessVariables.PLAN_HASH;
            case PLAN_TEXT -> ProcessVariables.PLAN_TEXT;
            case APPROVALS -> ProcessVariables.APPROVALS;
            case RESOLUTIONS -> ProcessVariables.RESOLUTIONS;
            case CALL_RESULTS -> ProcessVariables.APPLIED_CALLS;
            case FINAL_STATE -> ProcessVariables.FINAL_STATE;
            case OUTCOME -> ProcessVariables.OUTCOME;
            case FAILURE_CODE -> ProcessVariables.FAILURE_CODE;
            case FAILURE_MESSAGE -> ProcessVariables.FAILURE_MESSAGE;
            case VALIDATION_ERRORS -> ProcessVariables.VALIDATION_ERRORS;
        };
    }

    /** The process instance's variables from history (JSON variables as their text), alive or ended. */
    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
            boolean instanceWide = processInstanceId.equals(variable.getActivityInstanceId());
            if (instanceWide || !variables.containsKey(variable.getName())) { // task-local ones only fill gaps
                variables.put(variable.getName(), variable.getTypedValue() instanceof SerializableValue serialized
                        ? serialized.getValueSerialized() : variable.getValue());
            }
        }
        return variables;
    }

    @Override
    public void withdraw(String processInstanceId, String user) {
        asSystem(() -> {
            engine.getRuntimeService().setVariable(processInstanceId, ProcessVariables.OUTCOME, "cancelled");
            engine.getRuntimeService().deleteProcessInstance(processInstanceId, "withdrawn by " + user);
        });
    }

    @Override
    public void cancelDeletion(String processInstanceId) {
        asSystem(() -> engine.getRuntimeService().createMessageCorrelation(PendingDeletion.CANCEL_DELETION)
                .processInstanceId(processInstanceId).correlate());
    }

    @Override
    public Evidence.Governance governance(String processInstanceId) {
        return asSystem(() -> {
            HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(
                    instance.getProcessDefinitionId());
            return new Evidence.Governance(definition.getKey(), definition.getVersion(), definition.getId(),
                    instance.getId(), instance.getStartTime().toInstant(),
                    instance.getEndTime() == null ? null : instance.getEndTime().toInstant());
        });
    }

    /** Runs engine work without the caller's authorizations; the API has already decided who may do what. */
    private <T> T asSystem(Supplier<T> work) {
        return WithoutAuthentication.call(engine.getIdentityService(), work);
    }

    private void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }
}
