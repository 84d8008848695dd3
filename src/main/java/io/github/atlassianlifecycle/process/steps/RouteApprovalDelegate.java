package io.github.atlassianlifecycle.process.steps;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;

import io.github.atlassianlifecycle.lifecycle.Approval;
import io.github.atlassianlifecycle.lifecycle.ApprovalRoute;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.process.seal.ProcessState;
import io.github.atlassianlifecycle.process.variables.JsonVariables;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.process.variables.RequestVariables;

/**
 * Asks the designers' decision table {@code approval-routing} (bpmn/approval-routing.dmn) who approves this
 * request: the first and second approver groups, and whether policy pre-approves it. The table is evaluated from
 * the same deployment as the process, so a process and its routing change together; {@link ApprovalRoute} reads its
 * answer (and keeps the two rules that hold whatever the table says).
 */
public class RouteApprovalDelegate implements JavaDelegate {

    public static final String DECISION = "approval-routing";

    private final Clock clock;

    public RouteApprovalDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessState.verify(execution);
        LifecycleAction action = RequestVariables.action(execution);
        Object reasonCode = execution.getVariable(ProcessVariables.REASON_CODE);
        Map<String, Object> inputs = ApprovalRoute.inputs(action, reasonCode == null ? null : reasonCode.toString(),
                Boolean.TRUE.equals(execution.getVariable(ProcessVariables.REQUESTER_IS_AUTOMATION)),
                Boolean.TRUE.equals(execution.getVariable(ProcessVariables.PRIVILEGED_GROUPS)));
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
        DmnDecisionResult result = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionById(decision(repository, deploymentId).getId()).variables(inputs).evaluate();
        ApprovalRoute route = ApprovalRoute.of(action, outputs(result));

        execution.setVariable(ProcessVariables.PRE_APPROVED, route.preApproved());
        execution.setVariable(ProcessVariables.FIRST_APPROVER_GROUP, route.firstApproverGroup());
        execution.setVariable(ProcessVariables.SECOND_APPROVER_GROUP, route.secondApproverGroup());
        execution.setVariable(ProcessVariables.NEEDS_SECOND_APPROVAL, route.needsSecondApproval());
        execution.setVariable(ProcessVariables.ROUTING_RULE, route.rule());
        // A new round: decisions on an earlier plan, even one equal to this plan, do not count for it.
        execution.setVariable(ProcessVariables.APPROVALS_FROM,
                JsonVariables.list(execution, ProcessVariables.APPROVALS, Approval.class).size());
        if (route.preApproved()) {
            JsonVariables.append(execution, ProcessVariables.APPROVALS, Approval.class, List.of(new Approval("routing",
                    Approval.POLICY, clock.instant(), true, "Pre-approved by policy: " + route.rule(),
                    (String) execution.getVariable(ProcessVariables.PLAN_HASH))));
            execution.setVariable(ProcessVariables.APPROVED, true);
        }
        ProcessState.seal(execution);
    }

    /** The outputs of the table's matching rule; empty when none matched. */
    public static Map<String, Object> outputs(DmnDecisionResult result) {
        return result.isEmpty() ? Map.of() : result.getSingleResult().getEntryMap();
    }

    /**
     * The routing table of the deployment that holds a process (so a process and its routing change together), or
     * the latest one when that deployment has none.
     */
    public static DecisionDefinition decision(RepositoryService repository, String deploymentId) {
        DecisionDefinition sameDeployment = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .deploymentId(deploymentId).singleResult();
        return sameDeployment != null ? sameDeployment
                : repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion().singleResult();
    }
}
