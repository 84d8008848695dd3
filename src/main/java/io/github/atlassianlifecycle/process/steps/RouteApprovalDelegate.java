package io.github.atlassianlifecycle.process.steps;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/**
 * Asks the designers' decision table {@code approval-routing} (bpmn/approval-routing.dmn) who approves this
 * request: the first and second approver groups, and whether policy pre-approves it. The table is evaluated from
 * the same deployment as the process, so a process and its routing change together. Two rules hold whatever the
 * table says: a delete is never pre-approved and always has a second approval.
 */
public class RouteApprovalDelegate implements JavaDelegate {

    public static final String DECISION = "approval-routing";
    static final String DEFAULT_APPROVERS = "lifecycle-approvers";
    static final String DEFAULT_SECOND_APPROVERS = "lifecycle-security";

    private final Clock clock;

    public RouteApprovalDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessState.verify(execution);
        LifecycleAction action = RequestVariables.action(execution);
        Object reasonCode = execution.getVariable(ProcessVariables.REASON_CODE);
        Map<String, Object> inputs = Variables.createVariables()
                .putValue("action", action.name())
                .putValue("reasonCode", reasonCode == null ? ReasonCode.OTHER.name() : reasonCode.toString())
                .putValue("requesterIsAutomation", Boolean.TRUE.equals(execution.getVariable(ProcessVariables.REQUESTER_IS_AUTOMATION)))
                .putValue("privilegedGroups", Boolean.TRUE.equals(execution.getVariable(ProcessVariables.PRIVILEGED_GROUPS)));
        DmnDecisionResult result = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionById(decision(execution).getId()).variables(inputs).evaluate();
        Map<String, Object> route = result.isEmpty() ? Map.of() : result.getSingleResult().getEntryMap();

        boolean preApproved = Boolean.TRUE.equals(route.get("preApproved")) && action != LifecycleAction.DELETE;
        String first = text(route.get("firstApproverGroup"), DEFAULT_APPROVERS);
        String second = text(route.get("secondApproverGroup"), action == LifecycleAction.DELETE ? DEFAULT_SECOND_APPROVERS : "");
        String rule = text(route.get("rule"), "no rule matched: default routing");

        execution.setVariable(ProcessVariables.PRE_APPROVED, preApproved);
        execution.setVariable(ProcessVariables.FIRST_APPROVER_GROUP, first);
        execution.setVariable(ProcessVariables.SECOND_APPROVER_GROUP, second);
        execution.setVariable(ProcessVariables.NEEDS_SECOND_APPROVAL, !preApproved && !second.isBlank());
        execution.setVariable(ProcessVariables.ROUTING_RULE, rule);
        // A new round: decisions on an earlier plan, even one equal to this plan, do not count for it.
        execution.setVariable(ProcessVariables.APPROVALS_FROM,
                JsonVariables.list(execution, ProcessVariables.APPROVALS, Approval.class).size());
        if (preApproved) {
            JsonVariables.append(execution, ProcessVariables.APPROVALS, Approval.class, List.of(new Approval("routing",
                    Approval.POLICY, clock.instant(), true, "Pre-approved by policy: " + rule,
                    (String) execution.getVariable(ProcessVariables.PLAN_HASH))));
            execution.setVariable(ProcessVariables.APPROVED, true);
        }
        ProcessState.seal(execution);
    }

    private static DecisionDefinition decision(DelegateExecution execution) {
        String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
        var query = execution.getProcessEngineServices().getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION);
        DecisionDefinition sameDeployment = query.deploymentId(deploymentId).singleResult();
        return sameDeployment != null ? sameDeployment : execution.getProcessEngineServices().getRepositoryService()
                .createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion().singleResult();
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
