package io.github.atlassianlifecycle.process;

import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.APPLY_PLAN_STEP;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.PLAN_REQUEST;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.RECHECK_PLAN;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.REMIND_APPROVERS;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.ROUTE_APPROVAL;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.TAKE_SNAPSHOT;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.UNDO_DISABLE;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.VALIDATE_REQUEST;
import static io.github.atlassianlifecycle.process.LifecycleProcessAutoConfiguration.VERIFY_PLAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.atlassianlifecycle.lifecycle.operation.OperationInput;
import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;
import io.github.atlassianlifecycle.process.operation.OperationDelegate;
import io.github.atlassianlifecycle.process.templates.TemplateInput;
import io.github.atlassianlifecycle.process.templates.TemplateInput.Choice;
import io.github.atlassianlifecycle.process.templates.TemplateOutput;
import io.github.atlassianlifecycle.process.templates.TemplateStep;

/**
 * Every step a designer can place from an element template, declared once: the lifecycle processes' own steps
 * (their beans named by the auto-configuration's constants) and one per {@link ReusableOperation} (derived from its
 * declaration). The templates JSON is generated from this list ({@code ElementTemplatesTest} fails when the
 * committed file differs).
 */
public final class TemplateCatalog {

    /** Prefix of every template id. */
    static final String ID_PREFIX = "io.github.atlassianlifecycle.";

    /**
     * The version of the operations' templates. Raise it when an operation's inputs or outputs change, so models
     * built from the older version are told to update.
     */
    static final int OPERATION_TEMPLATE_VERSION = 1;

    private static final String SERVICE_TASK = "bpmn:ServiceTask";
    private static final String STEP_PATTERN = "ACCOUNT|GROUPS|AFTER_GRACE";

    private TemplateCatalog() {
    }

    /** Every template-backed step: the processes' own first, then the operations. */
    public static List<TemplateStep> steps() {
        List<TemplateStep> steps = new ArrayList<>(internalSteps());
        for (ReusableOperation operation : ReusableOperation.values()) {
            steps.add(step(operation));
        }
        return List.copyOf(steps);
    }

    /** The lifecycle processes' own steps. */
    static List<TemplateStep> internalSteps() {
        return List.of(
                internal("validate-request", "Atlassian: validate request",
                        "First step of a lifecycle process: checks the start variables with the request API's rules "
                                + "and sets valid / validationErrors.", SERVICE_TASK, VALIDATE_REQUEST, false),
                internal("plan-request", "Atlassian: plan the change",
                        "Reads the account from Atlassian and computes every call the request will make (variables "
                                + "plan, planHash, planText, noChanges). Attach an error boundary event: refusals are "
                                + "BPMN errors.", SERVICE_TASK, PLAN_REQUEST, true),
                internal("route-approval", "Atlassian: route approval",
                        "Evaluates the decision table approval-routing: firstApproverGroup, secondApproverGroup, "
                                + "needsSecondApproval, preApproved.", "bpmn:BusinessRuleTask", ROUTE_APPROVAL, false),
                internal("remind-approvers", "Atlassian: remind approvers",
                        "Raises the priority of the open approval tasks and notes a reminder on them.", SERVICE_TASK,
                        REMIND_APPROVERS, false),
                internal("recheck-plan", "Atlassian: re-check the plan",
                        "Computes the plan again just before applying; sets drifted when it changed (route back to "
                                + "approval).", SERVICE_TASK, RECHECK_PLAN, true),
                internal("take-snapshot", "Atlassian: snapshot groups",
                        "Records the account's groups and product access before it is disabled (variable "
                                + "snapshot), for account-enable.", SERVICE_TASK, TAKE_SNAPSHOT, false),
                new TemplateStep(ID_PREFIX + "apply-plan-step", 1, "Atlassian: apply a plan step",
                        "Makes the approved plan's calls of one step, each idempotently, and records them in "
                                + "appliedCalls.", SERVICE_TASK, APPLY_PLAN_STEP, true,
                        List.of(new TemplateInput("step", "Step", "Which calls of the plan to make", "ACCOUNT",
                                List.of(new Choice("Account (create, deactivate, reactivate, suspend, restore)", "ACCOUNT"),
                                        new Choice("Groups and product seats", "GROUPS"),
                                        new Choice("After a delete's grace period", "AFTER_GRACE")),
                                true, null, null)),
                        List.of()),
                new TemplateStep(ID_PREFIX + "verify-plan", 1, "Atlassian: verify",
                        "Reads the account back: nothing of the given steps may be left to do.", SERVICE_TASK,
                        VERIFY_PLAN, true,
                        List.of(new TemplateInput("steps", "Steps to verify", "Comma-separated: ACCOUNT, GROUPS, AFTER_GRACE",
                                "ACCOUNT,GROUPS", List.of(), true, "(" + STEP_PATTERN + ")(,(" + STEP_PATTERN + "))*",
                                "ACCOUNT, GROUPS or AFTER_GRACE, separated by commas")),
                        List.of()),
                internal("undo-disable", "Atlassian: undo the disable",
                        "Cancelling a delete in its grace period: plans an enable from the snapshot and applies it.",
                        SERVICE_TASK, UNDO_DISABLE, true));
    }

    /** A step of the processes' own with no inputs: the delegate does its work from the process's variables. */
    private static TemplateStep internal(String id, String name, String description, String appliesTo, String bean,
            boolean asyncBefore) {
        return new TemplateStep(ID_PREFIX + id, 1, name, description, appliesTo, bean, asyncBefore, List.of(), List.of());
    }

    /** The template of a reusable operation: asynchronous, so a transient failure is retried by the job's cycle. */
    static TemplateStep step(ReusableOperation operation) {
        List<TemplateInput> inputs = operation.inputs().stream().map(TemplateCatalog::input).toList();
        List<TemplateOutput> outputs = operation.outputs().stream()
                .map(output -> new TemplateOutput(output.name(), output.description())).toList();
        String errors = " Refusals (bad input included) are BPMN errors coded by the business error (INVALID_REQUEST, "
                + "ACCOUNT_NOT_FOUND, ...); transient failures are retried.";
        return new TemplateStep(ID_PREFIX + "operation." + kebab(operation.key()), OPERATION_TEMPLATE_VERSION,
                "Atlassian: " + operation.title(), operation.description() + errors, SERVICE_TASK,
                OperationDelegate.beanName(operation), true, inputs, outputs);
    }

    private static TemplateInput input(OperationInput input) {
        return new TemplateInput(input.name(), input.name(), input.description(), null, List.of(), input.required(),
                input.pattern(), input.name() + " must match " + input.pattern());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
