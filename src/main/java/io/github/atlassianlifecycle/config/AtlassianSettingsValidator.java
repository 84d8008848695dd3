package io.github.atlassianlifecycle.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;

/**
 * Checks the {@code atlassian.*} settings once, at startup, so a wrong setting stops the application with a message
 * that names it, instead of failing later inside a process. Messages name settings and their environment variables
 * but never repeat a value: a value may be a key.
 */
public final class AtlassianSettingsValidator {

    /** Camunda locks a job for five minutes; an HTTP call must give up well before that. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");
    private static final Pattern RETRY_CYCLE = Pattern.compile("R(\\d{1,3})/(PT?\\d\\S*)");

    private AtlassianSettingsValidator() {
    }

    /** Every problem found, each naming its setting; empty when the settings are usable. */
    public static List<String> problems(AtlassianProperties settings) {
        List<String> problems = new ArrayList<>();
        checkUrl(problems, "atlassian.api-url", settings.getApiUrl(), true);
        checkId(problems, OrganizationsClient.ORG_ID_SETTING, settings.getOrgId());
        checkId(problems, "atlassian.directory-id", settings.getDirectoryId());
        if (settings.getScimDirectoryId() != null && !settings.getScimDirectoryId().isBlank()) {
            checkId(problems, "atlassian.scim-directory-id", settings.getScimDirectoryId());
        }
        checkSecret(problems, "atlassian.org-api-key", settings.getOrgApiKey(), true);
        checkSecret(problems, "atlassian.scim-api-key", settings.getScimApiKey(), false);

        boolean siteConfigured = present(settings.getSiteUrl()) || present(settings.getSiteEmail())
                || present(settings.getSiteApiToken());
        if (siteConfigured) {
            checkUrl(problems, "atlassian.site-url", settings.getSiteUrl(), true);
            if (!present(settings.getSiteEmail())) {
                problems.add(missing("atlassian.site-email") + " (Jira and Confluence need the site admin's email)");
            } else if (!EMAIL.matcher(settings.getSiteEmail()).matches()) {
                problems.add("atlassian.site-email (ATLASSIAN_SITE_EMAIL) is not an email address");
            }
            checkSecret(problems, "atlassian.site-api-token", settings.getSiteApiToken(), true);
        }
        if (present(settings.getBitbucketUrl())) {
            checkUrl(problems, "atlassian.bitbucket-url", settings.getBitbucketUrl(), true);
            checkSecret(problems, "atlassian.bitbucket-token", settings.getBitbucketToken(), true);
        }
        checkTimeout(problems, "atlassian.http.connect-timeout", settings.getHttp().getConnectTimeout());
        checkTimeout(problems, "atlassian.http.response-timeout", settings.getHttp().getResponseTimeout());
        if (settings.getHttp().getMaxConnections() < 1) {
            problems.add("atlassian.http.max-connections must be at least 1");
        }
        AtlassianProperties.RateLimit rateLimit = settings.getRateLimit();
        rateLimit.getRequestsPerSecond().forEach((family, rate) -> {
            if (rate == null || rate < 0 || rate > 1000) {
                problems.add("atlassian.rate-limit.requests-per-second." + family.name().toLowerCase().replace('_', '-')
                        + " must be between 0 (no limit) and 1000");
            }
        });
        AtlassianProperties.Lifecycle lifecycle = settings.getLifecycle();
        for (var duration : java.util.Map.of("atlassian.lifecycle.delete-grace-period", lifecycle.getDeleteGracePeriod(),
                "atlassian.lifecycle.approval-reminder-after", lifecycle.getApprovalReminderAfter(),
                "atlassian.lifecycle.approval-escalate-after", lifecycle.getApprovalEscalateAfter(),
                "atlassian.lifecycle.approval-expire-after", lifecycle.getApprovalExpireAfter()).entrySet()) {
            if (duration.getValue() == null || duration.getValue().isNegative() || duration.getValue().isZero()) {
                problems.add(duration.getKey() + " must be a positive duration such as P1D");
            }
        }
        if (lifecycle.getApprovalReminderAfter() != null && lifecycle.getApprovalExpireAfter() != null
                && lifecycle.getApprovalReminderAfter().compareTo(lifecycle.getApprovalExpireAfter()) >= 0) {
            problems.add("atlassian.lifecycle.approval-reminder-after must be shorter than approval-expire-after");
        }
        if (lifecycle.getApprovalEscalateAfter() != null && lifecycle.getApprovalReminderAfter() != null
                && lifecycle.getApprovalExpireAfter() != null
                && (lifecycle.getApprovalEscalateAfter().compareTo(lifecycle.getApprovalReminderAfter()) <= 0
                        || lifecycle.getApprovalEscalateAfter().compareTo(lifecycle.getApprovalExpireAfter()) >= 0)) {
            problems.add("atlassian.lifecycle.approval-escalate-after must be longer than approval-reminder-after and"
                    + " shorter than approval-expire-after");
        }
        if (lifecycle.getProvisioning() == io.github.atlassianlifecycle.lifecycle.LifecyclePolicy.Provisioning.SCIM
                && !present(settings.getScimApiKey())) {
            problems.add("atlassian.lifecycle.provisioning=scim needs atlassian.scim-api-key (ATLASSIAN_SCIM_API_KEY)");
        }
        checkRetryCycle(problems, lifecycle.getRetryCycle());
        Duration cacheFor = settings.getHealth().getCacheFor();
        if (cacheFor == null || cacheFor.compareTo(Duration.ofSeconds(1)) < 0 || cacheFor.compareTo(Duration.ofHours(1)) > 0) {
            problems.add("atlassian.health.cache-for must be between PT1S and PT1H, such as PT60S");
        }
        checkReconcile(problems, settings.getReconcile());
        checkInactivity(problems, settings.getInactivity());
        checkNotifications(problems, settings.getNotifications());
        int maxRows = settings.getBulk().getMaxRows();
        if (maxRows < 1 || maxRows > 100_000) {
            problems.add("atlassian.bulk.max-rows must be between 1 and 100000");
        }
        Duration maxWait = rateLimit.getMaxWait();
        if (maxWait == null || maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.add("atlassian.rate-limit.max-wait must be between 0 and 1 minute");
        }
        return problems;
    }

    /** {@code R<tries>/<interval>}, the one form of Camunda's retry cycles a designer reads at a glance. */
    private static void checkRetryCycle(List<String> problems, String cycle) {
        Matcher matcher = cycle == null ? null : RETRY_CYCLE.matcher(cycle.trim());
        boolean valid = matcher != null && matcher.matches();
        if (valid) {
            int tries = Integer.parseInt(matcher.group(1));
            try {
                Duration interval = Duration.parse(matcher.group(2));
                valid = tries >= 1 && tries <= 100 && interval.compareTo(Duration.ofSeconds(1)) >= 0
                        && interval.compareTo(Duration.ofDays(1)) <= 0;
            } catch (DateTimeParseException e) {
                valid = false;
            }
        }
        if (!valid) {
            problems.add("atlassian.lifecycle.retry-cycle must be R<tries>/<interval> with 1 to 100 tries and an"
                    + " interval from PT1S to P1D, such as R5/PT1M");
        }
    }

    private static void checkInactivity(List<String> problems, AtlassianProperties.Inactivity inactivity) {
        Duration notice = inactivity.getNoticePeriod();
        if (notice == null || notice.compareTo(Duration.ofHours(1)) < 0 || notice.compareTo(Duration.ofDays(365)) > 0) {
            problems.add("atlassian.inactivity.notice-period must be between PT1H and P365D, such as P14D");
        }
        String key = inactivity.getKeepLinkKey();
        checkSecret(problems, "atlassian.inactivity.keep-link-key", key, false);
        if (present(key) && key.length() < io.github.atlassianlifecycle.campaign.KeepTokens.MIN_KEY_LENGTH) {
            problems.add("atlassian.inactivity.keep-link-key (ATLASSIAN_INACTIVITY_KEEP_LINK_KEY) must be at least "
                    + io.github.atlassianlifecycle.campaign.KeepTokens.MIN_KEY_LENGTH + " characters");
        }
    }

    private static void checkNotifications(List<String> problems, AtlassianProperties.Notifications notifications) {
        if (present(notifications.getEscalationGroup()) && !ID.matcher(notifications.getEscalationGroup()).matches()) {
            problems.add("atlassian.notifications.escalation-group (ATLASSIAN_NOTIFICATIONS_ESCALATION_GROUP) must be a"
                    + " Camunda group id: letters, digits and _ : . - (1 to 128)");
        }
        checkUrl(problems, "atlassian.notifications.tasklist-base-url", notifications.getTasklistBaseUrl(), false);
        if (!notifications.getMail().isEnabled()) {
            checkUrl(problems, "atlassian.notifications.public-base-url", notifications.getPublicBaseUrl(), false);
            return;
        }
        // Mail on: every mail carries a link, so the address it points at must be known.
        checkUrl(problems, "atlassian.notifications.public-base-url", notifications.getPublicBaseUrl(), true);
        String from = notifications.getMail().getFrom();
        if (!present(from)) {
            problems.add(missing("atlassian.notifications.mail.from") + " (the sender of every mail)");
        } else if (!EMAIL.matcher(from).matches()) {
            problems.add("atlassian.notifications.mail.from (ATLASSIAN_NOTIFICATIONS_MAIL_FROM) is not an email address");
        }
    }

    private static void checkReconcile(List<String> problems, AtlassianProperties.Reconcile reconcile) {
        if (!QuartzCron.isValid(reconcile.getCron())) {
            problems.add("atlassian.reconcile.cron must be a Quartz cron expression with seconds, such as 0 0 2 * * ?"
                    + " (six or seven fields, ? in day-of-month or day-of-week)");
        }
        if (reconcile.getInactivityDays() < 1 || reconcile.getInactivityDays() > 3650) {
            problems.add("atlassian.reconcile.inactivity-days must be between 1 and 3650");
        }
        if (reconcile.getMaxDisable() != null && reconcile.getMaxDisable() < 0) {
            problems.add("atlassian.reconcile.max-disable must be 0 or more (0: every disable needs the second"
                    + " approval)");
        }
        if (reconcile.getExclude() != null && reconcile.getExclude().stream().anyMatch(e -> e == null || e.isBlank())) {
            problems.add("atlassian.reconcile.exclude has an empty entry");
        }
    }

    private static void checkUrl(List<String> problems, String name, String value, boolean required) {
        if (!present(value)) {
            if (required) {
                problems.add(missing(name));
            }
            return;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                // The transport calls the URL as given: a path would be resolved against nothing.
                problems.add(name + " (" + envName(name) + ") must be an absolute http(s) URL, not a path");
                return;
            }
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                problems.add(name + " (" + envName(name) + ") must be an http(s) URL without query or credentials");
            }
        } catch (Exception e) {
            problems.add(name + " (" + envName(name) + ") is not a valid URL");
        }
    }

    private static void checkId(List<String> problems, String name, String value) {
        if (!present(value)) {
            problems.add(missing(name));
        } else if (!ID.matcher(value).matches()) {
            problems.add(name + " (" + envName(name) + ") may hold only letters, digits and _ : . - (1 to 128)");
        }
    }

    private static void checkSecret(List<String> problems, String name, String value, boolean required) {
        if (!present(value)) {
            if (required) {
                problems.add(missing(name));
            }
        } else if (!NO_WHITESPACE.matcher(value).matches()) {
            problems.add(name + " (" + envName(name) + ") contains whitespace; check how it was copied");
        }
    }

    private static void checkTimeout(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            problems.add(name + " must be between 1ms and " + MAX_TIMEOUT.toMinutes()
                    + " minutes, well below Camunda's job lock time");
        }
    }

    private static String missing(String name) {
        return name + " is missing: set " + envName(name);
    }

    /** The environment variable Spring Boot's relaxed binding maps to the setting. */
    static String envName(String name) {
        return name.replace('.', '_').replace("-", "_").toUpperCase();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
