package io.github.atlassianlifecycle.process.preview;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.lifecycle.ApprovalRoute;
import io.github.atlassianlifecycle.lifecycle.LifecycleBusinessException;
import io.github.atlassianlifecycle.lifecycle.LifecycleRequest;
import io.github.atlassianlifecycle.lifecycle.RequestPlanner;
import io.github.atlassianlifecycle.lifecycle.plan.Plan;
import io.github.atlassianlifecycle.process.engine.WithoutAuthentication;
import io.github.atlassianlifecycle.process.steps.RequestPlanning;
import io.github.atlassianlifecycle.process.steps.RouteApprovalDelegate;
import io.github.atlassianlifecycle.process.steps.ValidateRequestDelegate;
import io.github.atlassianlifecycle.request.NewRequest;
import io.github.atlassianlifecycle.request.PreviewUnavailableException;
import io.github.atlassianlifecycle.request.RequestPreview;

/**
 * The dry run, the way the request's process would go: the latest version of the action's process (the one a
 * submission starts), planned by {@link RequestPlanning} as "Plan the change" plans, and routed by the routing table
 * of that process's deployment as "Route approval" routes, with the caller's groups as the requester's.
 *
 * <p>The table is evaluated by a twin of the engine's DMN engine ({@link QuietDmnEngine}: the engine's FEEL and
 * expression settings, none of its history or metrics listeners), not through the decision service: that records
 * every evaluation in history, and a dry run leaves no trace. Everything runs without the caller's engine
 * authorizations (the API has already decided that the caller may submit), as the process's own steps do.
 */
public class CamundaRequestPreview implements RequestPreview {

    private final ProcessEngine engine;
    private final RequestPlanner planner;
    /** The quiet DMN engine, made on the first dry run (the engine's DMN configuration is complete by then). */
    private volatile DmnEngine dmn;
    /** Parsed routing tables by decision definition id (a deployed definition never changes). */
    private final Map<String, DmnDecision> tables = new ConcurrentHashMap<>();

    public CamundaRequestPreview(ProcessEngine engine, RequestPlanner planner) {
        this.engine = engine;
        this.planner = planner;
    }

    @Override
    public Preview preview(NewRequest request) {
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        boolean automation = groups.contains(ValidateRequestDelegate.AUTOMATION_GROUP);
        return WithoutAuthentication.call(engine.getIdentityService(), () -> {
            Plan plan;
            try {
                plan = RequestPlanning.plan(engine, planner, new LifecycleRequest(request.action(),
                        request.accountId(), request.email(), request.displayName(), request.groups())).plan();
            } catch (LifecycleBusinessException refused) {
                return new Preview(null, null, new Refusal(refused.error().name(), refused.getMessage()));
            } catch (AtlassianApiException unavailable) {
                throw new PreviewUnavailableException(unavailable.getMessage(), unavailable.retryAt().orElse(null),
                        unavailable);
            }
            if (plan.isEmpty()) {
                return new Preview(plan, null, null);
            }
            Map<String, Object> inputs = ApprovalRoute.inputs(request.action(), request.reasonCode(), automation,
                    planner.grantsPrivilegedGroup(plan));
            Map<String, Object> outputs = RouteApprovalDelegate.outputs(dmn().evaluateDecision(table(request), inputs));
            return new Preview(plan, ApprovalRoute.of(request.action(), outputs), null);
        });
    }

    /** The routing table the request's process would evaluate: its deployment's, parsed once. */
    private DmnDecision table(NewRequest request) {
        RepositoryService repository = engine.getRepositoryService();
        ProcessDefinition process = repository.createProcessDefinitionQuery()
                .processDefinitionKey(request.action().processKey()).latestVersion().singleResult();
        if (process == null) {
            throw new IllegalStateException("the process " + request.action().processKey() + " is not deployed");
        }
        DecisionDefinition decision = RouteApprovalDelegate.decision(repository, process.getDeploymentId());
        return tables.computeIfAbsent(decision.getId(), id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return dmn().parseDecision(decision.getKey(), model);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the routing table " + id, e);
            }
        });
    }

    private DmnEngine dmn() {
        if (dmn == null) {
            // Two first dry runs at once may each make one; they are alike, and either serves.
            dmn = QuietDmnEngine.twinOf(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getDmnEngineConfiguration());
        }
        return dmn;
    }
}
