/**
 * The processes' side of notifications, thin: listeners and a delegate that find who is to be told through Camunda's
 * identity service (candidate users, members of candidate groups and of the escalation group, the requester), write
 * the mail with what the process knows, and hand it to the notification room's {@code Notifier} to send after the
 * transaction commits. A mail never rolls a step back. Uses {@code decisions}, {@code engine} and {@code variables}.
 */
package io.github.atlassianlifecycle.process.notify;
