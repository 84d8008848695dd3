package io.github.atlassianlifecycle.lifecycle.plan;

import java.util.List;

import io.github.atlassianlifecycle.lifecycle.account.AccountFacts;

/** A plan as an approver reads it in Tasklist: one numbered line per call, then the notes. */
public final class PlanText {

    private PlanText() {
    }

    public static String of(Plan plan) {
        StringBuilder text = new StringBuilder();
        List<PlannedCall> calls = plan.calls();
        if (calls.isEmpty()) {
            text.append("No changes: the account is already as requested.\n");
        }
        for (PlannedCall call : calls) {
            text.append(call.id()).append(". ").append(call.step() == PlanStep.AFTER_GRACE ? "[after the grace period] " : "")
                    .append(call.system()).append(" — ").append(call.operation().verb())
                    .append(" — ").append(call.target()).append("\n   ").append(call.effect()).append('\n');
        }
        for (String note : plan.notes()) {
            text.append("Note: ").append(note).append('\n');
        }
        return text.toString().strip();
    }

    /** One line describing the account: name, email, id, who manages it, its state. */
    public static String account(AccountFacts facts) {
        if (!facts.exists()) {
            return "No account yet for " + facts.email();
        }
        return facts.name() + " <" + facts.email() + "> (" + facts.accountId() + "), managed by "
                + facts.managedBy().description() + "; account " + facts.accountStatus() + ", org membership "
                + facts.membershipStatus() + (facts.forDeletion() ? ", scheduled for deletion" : "");
    }
}
