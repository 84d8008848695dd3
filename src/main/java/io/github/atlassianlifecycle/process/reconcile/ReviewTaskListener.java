package io.github.atlassianlifecycle.process.reconcile;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.github.atlassianlifecycle.process.decisions.TaskSeal;
import io.github.atlassianlifecycle.process.engine.InstanceAuthorizations;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.reconciliation.Review;

/**
 * The reconciliation's review and its second approval, enforced inside the engine (Tasklist, {@code /engine-rest} and
 * the Java API alike). The review ({@value ReconcileVariables#REVIEW_TASK}) sets only {@code approved},
 * {@code excludedFindings} or {@code approvedFindings} (the findings to leave out, or the only ones to keep; not both),
 * {@code inactiveAsCampaign} (the approved INACTIVE findings run as an inactivity campaign) and {@code comment}; every key named must be a finding of this reconciliation, and a
 * comment says why rows were excluded or none approved. When the approved disables exceed the mass-change threshold,
 * the second approval ({@value ReconcileVariables#CONFIRM_TASK}) sets only {@code confirmed} and {@code comment},
 * by a security reviewer other than the first (four eyes: they can neither be assigned nor complete it).
 * Refusals roll the completion back; the task stays open and nothing is recorded.
 */
public class ReviewTaskListener implements TaskListener {

    private final ReconciliationService service;


    private final BooleanSupplier campaigns;

    /** A review that cannot run findings as a campaign (no campaigns here). */
    public ReviewTaskListener(ReconciliationService service) {
        this(service, () -> false);
    }

    /** @param campaigns whether inactivity campaigns can start now (a keep-link key is configured) */
    public ReviewTaskListener(ReconciliationService service, BooleanSupplier campaigns) {
        this.service = service;
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean review = ReconcileVariables.REVIEW_TASK.equals(task.getTaskDefinitionKey());
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> create(task, review);
            case EVENTNAME_ASSIGNMENT -> {
                if (!review) {
                    refuseReviewer(task, task.getAssignee(), "be assigned");
                }
            }
            case EVENTNAME_COMPLETE -> {
                if (review) {
                    completeReview(task);
                } else {
                    completeConfirmation(task);
                }
            }
            default -> { }
        }
    }

    private static void create(DelegateTask task, boolean review) {
        List<String> fields = review ? ReconcileVariables.REVIEW_FIELDS : ReconcileVariables.CONFIRM_FIELDS;
        fields.forEach(field -> task.setVariable(field, null));
        TaskSeal.create(task, fields);
        if (!review) {
            InstanceAuthorizations.refuseTask(task, List.of(reviewer(task)));
        }
    }

    private void completeReview(DelegateTask task) {
        String actor = actor(task, "A review");
        TaskSeal.check(task, ReconcileVariables.REVIEW_FIELDS, "A review");
        boolean approved = decision(task, ReconcileVariables.APPROVED);
        Set<String> excluded = excluded(task);
        boolean asCampaign = optionalDecision(task, ReconcileVariables.INACTIVE_AS_CAMPAIGN);
        if (asCampaign && !campaigns.getAsBoolean()) {
            throw new FormFieldValidationException(ReconcileVariables.INACTIVE_AS_CAMPAIGN, "Inactivity campaigns are "
                    + "not available here (atlassian.inactivity.keep-link-key is not configured): leave "
                    + ReconcileVariables.INACTIVE_AS_CAMPAIGN + " false.");
        }
        String comment = comment(task);
        if ((!approved || !excluded.isEmpty()) && comment == null) {
            throw new FormFieldValidationException(ReconcileVariables.COMMENT,
                    "A comment is required to approve none of the findings or to exclude some.");
        }
        Object maxDisable = task.getVariable(ReconcileVariables.MAX_DISABLE);
        Review decided;
        try {
            decided = service.review(task.getProcessInstanceId(), approved, excluded, ((Number) maxDisable).intValue(),
                    asCampaign);
        } catch (IllegalArgumentException unknown) {
            throw new FormFieldValidationException(ReconcileVariables.EXCLUDED_FINDINGS, unknown.getMessage());
        }
        task.setVariable(ReconcileVariables.REVIEWER, actor);
        task.setVariable(ReconcileVariables.INACTIVE_AS_CAMPAIGN, asCampaign);
        task.setVariable(ReconcileVariables.APPROVED_COUNT, decided.approved());
        task.setVariable(ReconcileVariables.NEEDS_SECOND_APPROVAL, decided.needsSecondApproval());
    }

    private static void completeConfirmation(DelegateTask task) {
        String actor = actor(task, "A second approval");
        TaskSeal.check(task, ReconcileVariables.CONFIRM_FIELDS, "A second approval");
        refuseReviewer(task, actor, "complete");
        refuseReviewer(task, task.getAssignee(), "be assigned");
        boolean confirmed = decision(task, ReconcileVariables.CONFIRMED);
        if (!confirmed && comment(task) == null) {
            throw new FormFieldValidationException(ReconcileVariables.COMMENT, "A comment is required to refuse.");
        }
        task.setVariable(ReconcileVariables.CONFIRMED_BY, actor);
    }

    private static void refuseReviewer(DelegateTask task, String user, String what) {
        if (user != null && user.equals(reviewer(task))) {
            throw new AuthorizationException("Four eyes: " + user + " reviewed this reconciliation and cannot " + what
                    + " its second approval.");
        }
    }

    private static String reviewer(DelegateTask task) {
        return Objects.toString(task.getVariable(ReconcileVariables.REVIEWER), null);
    }

    private static String actor(DelegateTask task, String what) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor == null) {
            throw new AuthorizationException(what + " must be completed by an authenticated user.");
        }
        return actor;
    }

    /** A Boolean; the strings "true" and "false" (what a form's radio group sends) count too. */
    private static boolean decision(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value instanceof Boolean decision) {
            return decision;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new FormFieldValidationException(name, "The Boolean variable '" + name + "' is required.");
    }

    /** Like {@link #decision}, but absent (null) is false. */
    private static boolean optionalDecision(DelegateTask task, String name) {
        return task.getVariable(name) != null && decision(task, name);
    }

    private static String comment(DelegateTask task) {
        Object comment = task.getVariable(ReconcileVariables.COMMENT);
        if (comment != null && !(comment instanceof String)) {
            throw new FormFieldValidationException(ReconcileVariables.COMMENT, "The comment must be text.");
        }
        return comment == null || ((String) comment).isBlank() ? null : (String) comment;
    }

    /** The findings the review leaves out: those named to exclude, or all but those named to keep. */
    private Set<String> excluded(DelegateTask task) {
        Set<String> excluded = keys(ReconcileVariables.EXCLUDED_FINDINGS,
                task.getVariable(ReconcileVariables.EXCLUDED_FINDINGS));
        Set<String> kept = keys(ReconcileVariables.APPROVED_FINDINGS,
                task.getVariable(ReconcileVariables.APPROVED_FINDINGS));
        if (kept.isEmpty()) {
            return excluded;
        }
        if (!excluded.isEmpty()) {
            throw new FormFieldValidationException(ReconcileVariables.APPROVED_FINDINGS, "Name the findings to exclude "
                    + "(excludedFindings) or the only ones to keep (approvedFindings), not both.");
        }
        try {
            return service.allProposalsBut(task.getProcessInstanceId(), kept);
        } catch (IllegalArgumentException unknown) {
            throw new FormFieldValidationException(ReconcileVariables.APPROVED_FINDINGS, unknown.getMessage());
        }
    }

    /** Finding keys separated by commas, spaces or lines; a String is what a form and a REST client send. */
    static Set<String> keys(String field, Object value) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof String text)) {
            throw new FormFieldValidationException(field,
                    field + " must be text: finding keys separated by commas, spaces or lines.");
        }
        if (text.length() > ProcessVariables.STRING_LIMIT) {
            throw new FormFieldValidationException(field, field + " holds " + text.length() + " characters, more than "
                    + "the engine stores in a text (" + ProcessVariables.STRING_LIMIT + "). To keep a few of many "
                    + "findings, name those in approvedFindings instead; or exclude fewer at a time.");
        }
        Set<String> keys = new LinkedHashSet<>();
        Arrays.stream(text.split("[,\\s]+")).filter(key -> !key.isBlank()).forEach(keys::add);
        return keys;
    }
}
