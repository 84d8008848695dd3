package io.github.atlassianlifecycle.process.reconcile;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;
import io.github.atlassianlifecycle.reconciliation.Classification;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;

/** Classifies what was read, stores the findings, and tells the model whether a person has anything to decide. */
public class ClassifyReconciliationDelegate implements JavaDelegate {

    private final ReconciliationService service;

    public ClassifyReconciliationDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        boolean dryRun = Boolean.TRUE.equals(execution.getVariable(ReconcileVariables.DRY_RUN));
        Classification found = service.classify(id, dryRun);
        execution.setVariable(ReconcileVariables.FINDING_COUNT, found.findings());
        execution.setVariable(ReconcileVariables.PROPOSAL_COUNT, found.proposals());
        execution.setVariable(ReconcileVariables.DISABLE_COUNT, found.disables());
        execution.setVariable(ReconcileVariables.MAX_DISABLE, found.maxDisable());
        boolean needsReview = !dryRun && found.proposals() > 0;
        execution.setVariable(ReconcileVariables.NEEDS_REVIEW, needsReview);
        if (needsReview) {
            String text = service.proposals(id).stream().map(stored -> line(stored.finding()))
                    .collect(Collectors.joining("\n"));
            execution.setVariable(ReconcileVariables.FINDINGS_TEXT, Variables.objectValue(text)
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        }
    }

    /** {@code <key> — <email> — <proposed action> — <rule>}: the key first, since that is what a reviewer excludes. */
    static String line(Finding finding) {
        return finding.key() + " — " + (finding.email() == null ? "(no email)" : finding.email()) + " — "
                + finding.proposedAction() + " — " + finding.rule();
    }
}
