/**
 * Who is told what, by e-mail: the mails' kinds and their inputs ({@link MailKind}, one record per kind), the
 * templates they are written from ({@code notification/*.txt}), the links they carry, and the two doors the rest
 * uses — {@link Notifier} for the processes (approvers, requesters, the escalation group) and {@link MailChannel},
 * the campaigns' {@link io.github.atlassianlifecycle.campaign.NotificationChannel}. Knows no Camunda and no HTTP;
 * Spring only in its auto-configuration and in the one adapter to Spring Mail ({@link SpringMailTransport}).
 */
package io.github.atlassianlifecycle.notification;
