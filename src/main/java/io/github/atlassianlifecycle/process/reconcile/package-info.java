/**
 * The Camunda glue of {@code account-reconcile}: its service-task delegates, the review and second-approval task
 * listener, its variables' names, the schedule its timer reads, and the engine port of the reconciliation rules.
 * Every delegate is thin: it reads variables, calls one step of
 * {@link io.github.atlassianlifecycle.reconciliation.ReconciliationService}, and writes variables or throws a
 * {@code BpmnError}. Uses the rooms below it: variables, seal, engine, decisions.
 */
package io.github.atlassianlifecycle.process.reconcile;
