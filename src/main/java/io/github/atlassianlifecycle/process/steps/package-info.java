/**
 * The models' service tasks, one thin delegate each (validate, plan, route, re-check, snapshot, apply, verify, undo,
 * cancel a pending deletion), with what they share: a request's first plan and the lookup of the routing table (which
 * the dry run shares too), the plan as variables, business errors as BPMN errors, the account's delete in its grace
 * period, and the snapshot history. Uses the rooms below it.
 */
package io.github.atlassianlifecycle.process.steps;
