package io.github.atlassianlifecycle.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.SerializableValue;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/** Intention-revealing steps for process tests: who starts, who completes, run what the job executor would. */
final class ProcessTestSupport {

    /** The process tests' engine configuration (see the file for why it is not camunda.cfg.xml). */
    static final String ENGINE_CONFIGURATION = "process-test.cfg.xml";

    private final ProcessEngine engine;

    ProcessTestSupport(ProcessEngine engine) {
        this.engine = engine;
    }

    ProcessInstance startAs(String user, List<String> groups, String processKey, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Started before {@code activityId}, skipping listeners and input mappings, as the REST API allows a starter. */
    ProcessInstance startAtAs(String user, String processKey, String activityId, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, List.of("lifecycle-requesters"));
        try {
            return engine.getRuntimeService().createProcessInstanceByKey(processKey).startBeforeActivity(activityId)
                    .setVariables(variables).execute(true, true);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    ProcessInstance startAs(String user, String processKey, Map<String, Object> variables) {
        return startAs(user, List.of("lifecycle-requesters"), processKey, variables);
    }

    /** Started by {@code requester} and planned: the request waits at its first approval. */
    ProcessInstance startAwaitingApproval(String processKey, Map<String, Object> variables) {
        ProcessInstance instance = startAs("requester", processKey, variables);
        runJobs(instance);
        BpmnAwareTests.assertThat(instance).isWaitingAt("approve");
        return instance;
    }

    void completeAs(String user, Task task, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, groupsOf(user));
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The test users' groups that matter to the listeners: {@code demo} is the administrator. */
    static List<String> groupsOf(String user) {
        return "demo".equals(user) ? List.of("camunda-admin") : List.of();
    }

    void claimAs(String user, Task task) {
        engine.getIdentityService().setAuthentication(user, List.of());
        try {
            engine.getTaskService().claim(task.getId(), user);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Runs every job that is due, as the job executor would, until the instance waits for a person or time. */
    void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep coming: the process loops");
    }

    /** Fires a timer whatever its due date, as if the time had come. */
    void fireTimer(ProcessInstance instance, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).timers().singleResult();
        if (timer == null) {
            throw new AssertionError("no timer on " + activityId);
        }
        engine.getManagementService().executeJob(timer.getId());
    }

    Object variable(ProcessInstance instance, String name) {
        var variable = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).disableCustomObjectDeserialization().singleResult();
        if (variable == null) {
            return null;
        }
        return variable.getTypedValue() instanceof SerializableValue json ? json.getValueSerialized() : variable.getValue();
    }

    List<Approval> approvals(ProcessInstance instance) {
        Object json = variable(instance, ProcessVariables.APPROVALS);
        return json == null ? List.of() : PlanJson.readList(json.toString(), Approval.class);
    }

    static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
