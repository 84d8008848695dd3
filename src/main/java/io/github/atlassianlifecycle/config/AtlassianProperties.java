package io.github.atlassianlifecycle.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.lifecycle.LifecyclePolicy;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconcileSettings;

/**
 * Every setting of the plugin, under {@code atlassian.*}. In production they come from environment variables
 * ({@code ATLASSIAN_ORG_ID}, {@code ATLASSIAN_ORG_API_KEY}, ...); the demo profile points them at the built-in
 * simulator. {@link AtlassianSettingsValidator} checks them at startup.
 */
@ConfigurationProperties("atlassian")
public class AtlassianProperties implements Validator {

    /** Base URL of the organization admin, user management and SCIM APIs: absolute, for example {@code https://api.atlassian.com}. */
    private String apiUrl = "https://api.atlassian.com";

    /** Base URL of the Jira and Confluence Cloud site, for example {@code https://acme.atlassian.net}. */
    private String siteUrl;

    /** Base URL of Bitbucket Data Center, for example {@code https://bitbucket.acme.com}. */
    private String bitbucketUrl;

    /** Organization id from admin.atlassian.com. */
    private String orgId;

    /** Directory id of the organization's (single) user directory. */
    private String directoryId;

    /**
     * Id of the identity provider's SCIM directory, from its SCIM base URL ({@code .../scim/directory/<id>}).
     * Empty means the same as {@code directory-id}.
     */
    private String scimDirectoryId;

    /** Organization API key, created without scopes. Sent as a Bearer token to the admin and user management APIs. */
    private String orgApiKey;

    /** SCIM API key of the identity-provider directory. Sent as a Bearer token to the SCIM API. */
    private String scimApiKey;

    /** Email address of the site admin whose API token calls Jira and Confluence. */
    private String siteEmail;

    /** API token of the site admin. */
    private String siteApiToken;

    /** Bitbucket Data Center admin user name (leave empty to use an HTTP access token alone). */
    private String bitbucketUser;

    /** Bitbucket Data Center password or HTTP access token. */
    private String bitbucketToken;

    private final Http http = new Http();

    private final RateLimit rateLimit = new RateLimit();

    private final Lifecycle lifecycle = new Lifecycle();

    private final Reconcile reconcile = new Reconcile();

    private final Api api = new Api();

    private final Bulk bulk = new Bulk();

    private final Inactivity inactivity = new Inactivity();

    private final Security security = new Security();

    private final Notifications notifications = new Notifications();

    private final Deployment deployment = new Deployment();

    private final Health health = new Health();

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getSiteUrl() {
        return siteUrl;
    }

    public void setSiteUrl(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    public String getBitbucketUrl() {
        return bitbucketUrl;
    }

    public void setBitbucketUrl(String bitbucketUrl) {
        this.bitbucketUrl = bitbucketUrl;
    }

    public String getOrgId() {
        return orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getDirectoryId() {
        return directoryId;
    }

    public void setDirectoryId(String directoryId) {
        this.directoryId = directoryId;
    }

    public String getScimDirectoryId() {
        return scimDirectoryId;
    }

    public void setScimDirectoryId(String scimDirectoryId) {
        this.scimDirectoryId = scimDirectoryId;
    }

    /** The SCIM directory to use: {@code scim-directory-id}, else {@code directory-id}. */
    public String effectiveScimDirectoryId() {
        return scimDirectoryId == null || scimDirectoryId.isBlank() ? directoryId : scimDirectoryId;
    }

    public String getOrgApiKey() {
        return orgApiKey;
    }

    public void setOrgApiKey(String orgApiKey) {
        this.orgApiKey = orgApiKey;
    }

    public String getScimApiKey() {
        return scimApiKey;
    }

    public void setScimApiKey(String scimApiKey) {
        this.scimApiKey = scimApiKey;
    }

    public String getSiteEmail() {
        return siteEmail;
    }

    public void setSiteEmail(String siteEmail) {
        this.siteEmail = siteEmail;
    }

    public String getSiteApiToken() {
        return siteApiToken;
    }

    public void setSiteApiToken(String siteApiToken) {
        this.siteApiToken = siteApiToken;
    }

    public String getBitbucketUser() {
        return bitbucketUser;
    }

    public void setBitbucketUser(String bitbucketUser) {
        this.bitbucketUser = bitbucketUser;
    }

    public String getBitbucketToken() {
        return bitbucketToken;
    }

    public void setBitbucketToken(String bitbucketToken) {
        this.bitbucketToken = bitbucketToken;
    }

    public Http getHttp() {
        return http;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public Lifecycle getLifecycle() {
        return lifecycle;
    }

    public Reconcile getReconcile() {
        return reconcile;
    }

    public Api getApi() {
        return api;
    }

    public Inactivity getInactivity() {
        return inactivity;
    }

    public Bulk getBulk() {
        return bulk;
    }

    public Security getSecurity() {
        return security;
    }

    public Notifications getNotifications() {
        return notifications;
    }

    public Deployment getDeployment() {
        return deployment;
    }

    public Health getHealth() {
        return health;
    }

    /**
     * Spring Boot validates a properties object that is its own {@link Validator} while binding it. Problems are
     * reported as global errors: a field error would make Spring Boot print the rejected value, which may be a key.
     */
    @Override
    public boolean supports(Class<?> type) {
        return AtlassianProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        for (String problem : AtlassianSettingsValidator.problems((AtlassianProperties) target)) {
            errors.reject("atlassian.invalid", problem);
        }
    }

    /**
     * The longest one Atlassian call may hold a job thread before it gives up: its wait for a rate-limit turn, for a
     * pooled connection and for the connection itself, and for the answer. The process engine checks that its job
     * lock time is at least twice this: a job still calling when its lock expires would be run a second time by
     * another node.
     */
    public Duration longestCall() {
        Duration turn = rateLimit.isEnabled() && rateLimit.getMaxWait() != null ? rateLimit.getMaxWait() : Duration.ZERO;
        return turn.plus(http.getConnectTimeout().multipliedBy(2)).plus(http.getResponseTimeout());
    }

    /** Keeps secrets out of anything that prints the settings. */
    @Override
    public String toString() {
        return "AtlassianProperties[apiUrl=" + apiUrl + ", siteUrl=" + siteUrl + ", bitbucketUrl=" + bitbucketUrl
                + ", orgId=" + orgId + ", directoryId=" + directoryId + ", keys=<redacted>]";
    }

    /** The HTTP transport shared by every client. */
    public static class Http {

        /**
         * Time to open a connection (and to wait for a pooled one). Counts twice towards the longest call, which must
         * stay within half the job lock time.
         */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /**
         * Time to wait for an answer (socket read timeout). 15 s: Atlassian answers in well under a second, and a
         * call that hangs must give up long before its job's lock expires (see {@link AtlassianProperties#longestCall()}).
         */
        private Duration responseTimeout = Duration.ofSeconds(15);

        /** Pooled connections across all Atlassian hosts. */
        private int maxConnections = 50;

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getResponseTimeout() {
            return responseTimeout;
        }

        public void setResponseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
        }

        public int getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }
    }

    /**
     * Client-side rate limits. Atlassian publishes no quotas for most of these APIs; the defaults are conservative
     * and the engine waits out any 429 that gets through anyway.
     */
    public static class RateLimit {

        /** Limit calls on our side (off in the demo, whose simulator has no quotas unless told to). */
        private boolean enabled = true;

        /** Requests per second per API family: organizations, user-management, scim, jira, confluence, bitbucket. */
        private final Map<ApiFamily, Double> requestsPerSecond = new EnumMap<>(Map.of(
                ApiFamily.ORGANIZATIONS, 10.0, ApiFamily.USER_MANAGEMENT, 10.0, ApiFamily.SCIM, 10.0,
                ApiFamily.JIRA, 10.0, ApiFamily.CONFLUENCE, 10.0, ApiFamily.BITBUCKET, 20.0));

        /** Longest a call waits for its turn; a call that would wait longer is rescheduled by the engine. */
        private Duration maxWait = Duration.ofSeconds(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Map<ApiFamily, Double> getRequestsPerSecond() {
            return requestsPerSecond;
        }

        public Duration getMaxWait() {
            return maxWait;
        }

        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }
    }

    /** How the lifecycle processes behave: the organization's policy choices. */
    public static class Lifecycle {

        /** When disabling, take the account out of its Jira and Confluence groups: never, scim-only or always. */
        private LifecyclePolicy.SeatRelease releaseProductGroups = LifecyclePolicy.SeatRelease.SCIM_ONLY;

        /** How account-add creates accounts: invite (organizations API) or scim. */
        private LifecyclePolicy.Provisioning provisioning = LifecyclePolicy.Provisioning.INVITE;

        /** Groups whose grant needs a second approval (plain names; jira: and confluence: prefixes are ignored). */
        private List<String> privilegedGroups = new ArrayList<>(
                List.of("org-admins", "site-admins", "jira-administrators", "confluence-administrators"));

        /** How long a deleted account stays only disabled, so the deletion can be cancelled. */
        private Duration deleteGracePeriod = Duration.ofDays(30);

        /** An approval still open after this long reminds its approvers. */
        private Duration approvalReminderAfter = Duration.ofDays(1);

        /**
         * An approval still open after this long is escalated to {@code atlassian.notifications.escalation-group}
         * (after the reminder, before the expiry).
         */
        private Duration approvalEscalateAfter = Duration.ofDays(3);

        /** An approval still open after this long expires the request. */
        private Duration approvalExpireAfter = Duration.ofDays(7);

        /**
         * Retry cycle of the request processes' Atlassian steps on transient failures (5xx, timeouts, no answer), as
         * {@code R<tries>/<ISO-8601 interval>}: then an incident. 429s are waited out without using a try.
         */
        private String retryCycle = "R5/PT1M";

        public LifecyclePolicy policy() {
            return new LifecyclePolicy(releaseProductGroups, provisioning, Set.copyOf(privilegedGroups), deleteGracePeriod);
        }

        public LifecyclePolicy.SeatRelease getReleaseProductGroups() {
            return releaseProductGroups;
        }

        public void setReleaseProductGroups(LifecyclePolicy.SeatRelease releaseProductGroups) {
            this.releaseProductGroups = releaseProductGroups;
        }

        public LifecyclePolicy.Provisioning getProvisioning() {
            return provisioning;
        }

        public void setProvisioning(LifecyclePolicy.Provisioning provisioning) {
            this.provisioning = provisioning;
        }

        public List<String> getPrivilegedGroups() {
            return privilegedGroups;
        }

        public void setPrivilegedGroups(List<String> privilegedGroups) {
            this.privilegedGroups = privilegedGroups;
        }

        public Duration getDeleteGracePeriod() {
            return deleteGracePeriod;
        }

        public void setDeleteGracePeriod(Duration deleteGracePeriod) {
            this.deleteGracePeriod = deleteGracePeriod;
        }

        public Duration getApprovalReminderAfter() {
            return approvalReminderAfter;
        }

        public void setApprovalReminderAfter(Duration approvalReminderAfter) {
            this.approvalReminderAfter = approvalReminderAfter;
        }

        public Duration getApprovalEscalateAfter() {
            return approvalEscalateAfter;
        }

        public void setApprovalEscalateAfter(Duration approvalEscalateAfter) {
            this.approvalEscalateAfter = approvalEscalateAfter;
        }

        public Duration getApprovalExpireAfter() {
            return approvalExpireAfter;
        }

        public String getRetryCycle() {
            return retryCycle;
        }

        public void setRetryCycle(String retryCycle) {
            this.retryCycle = retryCycle;
        }

        public void setApprovalExpireAfter(Duration approvalExpireAfter) {
            this.approvalExpireAfter = approvalExpireAfter;
        }
    }

    /** The nightly reconciliation of the organization against its products ({@code account-reconcile}). */
    public static class Reconcile {

        /** When the timer starts a reconciliation: a Quartz cron expression (seconds first), nightly at 02:00. */
        private String cron = "0 0 2 * * ?";

        /** Days without product activity after which an active account is an INACTIVE finding. */
        // A literal, so the configuration metadata shows it; SettingsMetadataTest holds it to the lifecycle's default.
        private int inactivityDays = 90;

        /** Account ids, emails or Bitbucket user names never reported or proposed (compared ignoring case). */
        private List<String> exclude = new ArrayList<>();

        /**
         * The most disables one reconciliation proposes without a second approval; unset: 5 % of the directory or
         * 50, whichever is larger.
         */
        private Integer maxDisable;

        /** The lifecycle's view of these settings. */
        public ReconcileSettings settings() {
            return new ReconcileSettings(Duration.ofDays(inactivityDays), Set.copyOf(exclude), maxDisable);
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public int getInactivityDays() {
            return inactivityDays;
        }

        public void setInactivityDays(int inactivityDays) {
            this.inactivityDays = inactivityDays;
        }

        public List<String> getExclude() {
            return exclude;
        }

        public void setExclude(List<String> exclude) {
            this.exclude = exclude;
        }

        public Integer getMaxDisable() {
            return maxDisable;
        }

        public void setMaxDisable(Integer maxDisable) {
            this.maxDisable = maxDisable;
        }
    }

    /** The request API under {@code /api/requests}. */
    public static class Api {

        /** Serve the request API (its controller, problem details and OpenAPI description). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Inactivity campaigns ({@code /api/campaigns}): notice, keep link, then disable. */
    public static class Inactivity {

        /** How long a person has, after the notice, to keep access through the link before the disable. */
        private Duration noticePeriod = Duration.ofDays(14);

        /**
         * The HMAC-SHA256 key that signs the keep links (at least 32 characters; from the environment in
         * production). Without it no campaign can start and no link is accepted.
         */
        private String keepLinkKey;

        public Duration getNoticePeriod() {
            return noticePeriod;
        }

        public void setNoticePeriod(Duration noticePeriod) {
            this.noticePeriod = noticePeriod;
        }

        public String getKeepLinkKey() {
            return keepLinkKey;
        }

        public void setKeepLinkKey(String keepLinkKey) {
            this.keepLinkKey = keepLinkKey;
        }

        @Override
        public String toString() { // never the key
            return "Inactivity[noticePeriod=" + noticePeriod + ", keepLinkKey=" + (keepLinkKey == null ? "unset" : "***")
                    + "]";
        }
    }

    /** Bulk requests ({@code POST /api/requests/bulk}). */
    public static class Bulk {

        /**
         * The most rows one bulk request may carry (1 to 100,000); a larger one is refused whole (413) before any row
         * is stored. The body may be at most this many rows of 8 KiB each.
         */
        private int maxRows = 5_000;

        public int getMaxRows() {
            return maxRows;
        }

        public void setMaxRows(int maxRows) {
            this.maxRows = maxRows;
        }
    }

    /** What the plugin secures, and the engine authorizations it creates. */
    public static class Security {

        /**
         * Secure {@code /api/**} and {@code /engine-rest/**} with HTTP Basic against Camunda's identity service (one
         * stateless filter chain; no other path is touched). Off when the application secures them itself.
         */
        private boolean enabled = true;

        /**
         * Create the lifecycle groups' engine authorizations at startup when they are missing (existing ones are
         * never changed). Off when the application manages authorizations itself.
         */
        private boolean createAuthorizations = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isCreateAuthorizations() {
            return createAuthorizations;
        }

        public void setCreateAuthorizations(boolean createAuthorizations) {
            this.createAuthorizations = createAuthorizations;
        }
    }

    /** The lifecycle models (BPMN, DMN, forms) the plugin deploys. */
    public static class Deployment {

        /**
         * Deploy the lifecycle models as their own deployment {@code atlassian-lifecycle} when the engine starts (and
         * keep them out of Camunda's auto-deployment). Off when the application deploys its own copies.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The Atlassian API health indicators under {@code /actuator/health/atlassian}. */
    public static class Health {

        /** One indicator per configured API family, each a cheap authenticated read. */
        private boolean enabled = true;

        /** How long an API's health is kept before it is read again: probes never spend the rate limit. */
        private Duration cacheFor = Duration.ofSeconds(60);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getCacheFor() {
            return cacheFor;
        }

        public void setCacheFor(Duration cacheFor) {
            this.cacheFor = cacheFor;
        }
    }

    /** Who is told what, by e-mail: approvers, requesters, the escalation group, campaign notices. */
    public static class Notifications {

        private final Mail mail = new Mail();

        /**
         * The application's address as its people reach it (absolute http(s) URL, for example
         * {@code https://lifecycle.acme.com}): campaign keep links start with it. Required when mail is enabled.
         */
        private String publicBaseUrl;

        /**
         * Where Tasklist lives, up to {@code /app/tasklist} (for example {@code https://lifecycle.acme.com/camunda});
         * empty means {@code public-base-url} followed by Camunda's webapp path.
         */
        private String tasklistBaseUrl;

        /** The Camunda group told when an approval waits past {@code atlassian.lifecycle.approval-escalate-after}; empty: nobody. */
        private String escalationGroup;

        public Mail getMail() {
            return mail;
        }

        public String getPublicBaseUrl() {
            return publicBaseUrl;
        }

        public void setPublicBaseUrl(String publicBaseUrl) {
            this.publicBaseUrl = publicBaseUrl;
        }

        public String getTasklistBaseUrl() {
            return tasklistBaseUrl;
        }

        public void setTasklistBaseUrl(String tasklistBaseUrl) {
            this.tasklistBaseUrl = tasklistBaseUrl;
        }

        public String getEscalationGroup() {
            return escalationGroup;
        }

        public void setEscalationGroup(String escalationGroup) {
            this.escalationGroup = escalationGroup;
        }

        /** Mail through Spring Mail to the SMTP server of {@code spring.mail.*}. */
        public static class Mail {

            /** Send mails (needs {@code spring.mail.host}, {@code from} and {@code public-base-url}); off by default. */
            private boolean enabled;

            /** The sender address of every mail, for example {@code lifecycle@acme.com}. Required when enabled. */
            private String from;

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public String getFrom() {
                return from;
            }

            public void setFrom(String from) {
                this.from = from;
            }
        }
    }
}
