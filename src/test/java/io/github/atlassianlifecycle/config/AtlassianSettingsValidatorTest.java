package io.github.atlassianlifecycle.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class AtlassianSettingsValidatorTest {

    static final String SECRET = "s3cr3t-org-key-value";

    static AtlassianProperties valid() {
        AtlassianProperties settings = new AtlassianProperties();
        settings.setOrgId("8b0d0a5c-1111-2222-3333-444455556666");
        settings.setDirectoryId("dir-1");
        settings.setOrgApiKey(SECRET);
        return settings;
    }

    @Test
    void complete_settings_have_no_problems() {
        assertThat(AtlassianSettingsValidator.problems(valid())).isEmpty();
    }

    @Test
    void each_missing_required_setting_is_named_with_its_environment_variable() {
        List<String> problems = AtlassianSettingsValidator.problems(new AtlassianProperties());
        assertThat(problems).containsExactlyInAnyOrder(
                "atlassian.org-id is missing: set ATLASSIAN_ORG_ID",
                "atlassian.directory-id is missing: set ATLASSIAN_DIRECTORY_ID",
                "atlassian.org-api-key is missing: set ATLASSIAN_ORG_API_KEY");
    }

    @Test
    void the_notice_period_defaults_to_fourteen_days_and_a_short_or_a_weak_keep_link_key_is_named_without_its_value() {
        AtlassianProperties settings = valid();
        assertThat(settings.getInactivity().getNoticePeriod()).isEqualTo(Duration.ofDays(14));
        settings.getInactivity().setNoticePeriod(Duration.ofMinutes(5));
        settings.getInactivity().setKeepLinkKey("too-short-" + SECRET);
        List<String> problems = AtlassianSettingsValidator.problems(settings);
        assertThat(problems).containsExactlyInAnyOrder(
                "atlassian.inactivity.notice-period must be between PT1H and P365D, such as P14D",
                "atlassian.inactivity.keep-link-key (ATLASSIAN_INACTIVITY_KEEP_LINK_KEY) must be at least 32 characters");
        assertThat(String.join(" ", problems)).doesNotContain(SECRET);
        assertThat(settings.getInactivity().toString()).doesNotContain(SECRET);
    }

    @Test
    void mail_on_needs_its_sender_and_the_public_address_every_link_starts_with() {
        AtlassianProperties settings = valid();
        assertThat(settings.getNotifications().getMail().isEnabled()).as("off unless configured").isFalse();
        settings.getNotifications().getMail().setEnabled(true);
        assertThat(AtlassianSettingsValidator.problems(settings)).containsExactlyInAnyOrder(
                "atlassian.notifications.public-base-url is missing: set ATLASSIAN_NOTIFICATIONS_PUBLIC_BASE_URL",
                "atlassian.notifications.mail.from is missing: set ATLASSIAN_NOTIFICATIONS_MAIL_FROM"
                        + " (the sender of every mail)");
        settings.getNotifications().setPublicBaseUrl("lifecycle.acme.com");
        settings.getNotifications().getMail().setFrom("lifecycle");
        settings.getNotifications().setEscalationGroup("two words");
        assertThat(AtlassianSettingsValidator.problems(settings)).containsExactlyInAnyOrder(
                "atlassian.notifications.public-base-url (ATLASSIAN_NOTIFICATIONS_PUBLIC_BASE_URL) must be an absolute"
                        + " http(s) URL, not a path",
                "atlassian.notifications.mail.from (ATLASSIAN_NOTIFICATIONS_MAIL_FROM) is not an email address",
                "atlassian.notifications.escalation-group (ATLASSIAN_NOTIFICATIONS_ESCALATION_GROUP) must be a Camunda"
                        + " group id: letters, digits and _ : . - (1 to 128)");
        settings.getNotifications().setPublicBaseUrl("https://lifecycle.acme.com");
        settings.getNotifications().getMail().setFrom("lifecycle@acme.com");
        settings.getNotifications().setEscalationGroup("lifecycle-security");
        assertThat(AtlassianSettingsValidator.problems(settings)).isEmpty();
    }

    @Test
    void the_escalation_comes_after_the_reminder_and_before_the_expiry() {
        AtlassianProperties settings = valid();
        assertThat(settings.getLifecycle().getApprovalEscalateAfter()).isEqualTo(Duration.ofDays(3));
        for (Duration wrong : List.of(Duration.ofDays(1), Duration.ofHours(2), Duration.ofDays(7))) {
            settings.getLifecycle().setApprovalEscalateAfter(wrong);
            assertThat(AtlassianSettingsValidator.problems(settings)).as(wrong.toString()).containsExactly(
                    "atlassian.lifecycle.approval-escalate-after must be longer than approval-reminder-after and"
                            + " shorter than approval-expire-after");
        }
    }

    @Test
    void a_malformed_url_is_named() {
        AtlassianProperties settings = valid();
        settings.setApiUrl("ftp://api.atlassian.com");
        assertThat(AtlassianSettingsValidator.problems(settings)).singleElement().asString()
                .startsWith("atlassian.api-url (ATLASSIAN_API_URL) must be an http(s) URL");
    }

    @Test
    void a_url_with_credentials_in_it_is_refused_without_repeating_them() {
        AtlassianProperties settings = valid();
        settings.setSiteUrl("https://admin:" + SECRET + "@acme.atlassian.net");
        settings.setSiteEmail("admin@acme.example");
        settings.setSiteApiToken("token");
        List<String> problems = AtlassianSettingsValidator.problems(settings);
        assertThat(problems).singleElement().asString().contains("atlassian.site-url").doesNotContain(SECRET);
    }

    @Test
    void a_relative_url_is_refused_naming_the_setting() {
        AtlassianProperties settings = valid();
        settings.setApiUrl("/sim/api");
        settings.setSiteUrl("sim/site");
        settings.setSiteEmail("admin@acme.example");
        settings.setSiteApiToken("token");
        settings.setBitbucketUrl("//bitbucket.acme.example");
        settings.setBitbucketToken("token");
        assertThat(AtlassianSettingsValidator.problems(settings)).containsExactlyInAnyOrder(
                "atlassian.api-url (ATLASSIAN_API_URL) must be an absolute http(s) URL, not a path",
                "atlassian.site-url (ATLASSIAN_SITE_URL) must be an absolute http(s) URL, not a path",
                "atlassian.bitbucket-url (ATLASSIAN_BITBUCKET_URL) must be an absolute http(s) URL, not a path");
    }

    @Test
    void the_site_settings_come_as_a_group() {
        AtlassianProperties settings = valid();
        settings.setSiteUrl("https://acme.atlassian.net");
        assertThat(AtlassianSettingsValidator.problems(settings)).containsExactlyInAnyOrder(
                "atlassian.site-email is missing: set ATLASSIAN_SITE_EMAIL (Jira and Confluence need the site admin's email)",
                "atlassian.site-api-token is missing: set ATLASSIAN_SITE_API_TOKEN");
        settings.setSiteEmail("not-an-email");
        settings.setSiteApiToken("token");
        assertThat(AtlassianSettingsValidator.problems(settings))
                .containsExactly("atlassian.site-email (ATLASSIAN_SITE_EMAIL) is not an email address");
    }

    @Test
    void a_key_with_whitespace_is_named_but_not_shown() {
        AtlassianProperties settings = valid();
        settings.setOrgApiKey(SECRET + " \n");
        assertThat(AtlassianSettingsValidator.problems(settings)).singleElement().asString()
                .contains("atlassian.org-api-key").contains("whitespace").doesNotContain(SECRET);
    }

    @Test
    void the_bulk_row_limit_must_be_between_one_and_a_hundred_thousand() {
        for (int refused : new int[] { 0, -1, 100_001 }) {
            AtlassianProperties settings = valid();
            settings.getBulk().setMaxRows(refused);
            assertThat(AtlassianSettingsValidator.problems(settings)).as("max-rows " + refused)
                    .containsExactly("atlassian.bulk.max-rows must be between 1 and 100000");
        }
        AtlassianProperties settings = valid();
        settings.getBulk().setMaxRows(100_000);
        assertThat(AtlassianSettingsValidator.problems(settings)).isEmpty();
    }

    @Test
    void timeouts_must_stay_below_the_job_lock_time() {
        AtlassianProperties settings = valid();
        settings.getHttp().setResponseTimeout(Duration.ofMinutes(6));
        settings.getHttp().setConnectTimeout(Duration.ZERO);
        assertThat(AtlassianSettingsValidator.problems(settings)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("atlassian.http.response-timeout"))
                .anySatisfy(p -> assertThat(p).startsWith("atlassian.http.connect-timeout"));
    }

    @Test
    void the_retry_cycle_is_tries_and_an_interval_and_anything_else_is_named() {
        for (String refused : new String[] { "R0/PT1M", "R5", "PT1M", "R5/PT0S", "R5/PT0.5S", "R101/PT1M", "R5/P2D",
                "R5/soon", "", "PT1M,PT5M" }) {
            AtlassianProperties settings = valid();
            settings.getLifecycle().setRetryCycle(refused);
            assertThat(AtlassianSettingsValidator.problems(settings)).as("retry-cycle '" + refused + "'")
                    .singleElement().asString().startsWith("atlassian.lifecycle.retry-cycle must be R<tries>/<interval>");
        }
        for (String accepted : new String[] { "R5/PT1M", "R1/PT1S", "R100/P1D", " R3/PT30S " }) {
            AtlassianProperties settings = valid();
            settings.getLifecycle().setRetryCycle(accepted);
            assertThat(AtlassianSettingsValidator.problems(settings)).as("retry-cycle '" + accepted + "'").isEmpty();
        }
    }

    @Test
    void the_longest_call_adds_the_turn_twice_the_connect_timeout_and_the_answer() {
        AtlassianProperties settings = valid();
        assertThat(settings.longestCall()).as("defaults: 2 s + 2 x 5 s + 15 s").isEqualTo(Duration.ofSeconds(27));
        settings.getRateLimit().setEnabled(false);
        assertThat(settings.longestCall()).as("no client-side limit, no turn to wait for").isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void bitbucket_needs_a_token_once_its_url_is_set() {
        AtlassianProperties settings = valid();
        settings.setBitbucketUrl("https://bitbucket.acme.example");
        assertThat(AtlassianSettingsValidator.problems(settings))
                .containsExactly("atlassian.bitbucket-token is missing: set ATLASSIAN_BITBUCKET_TOKEN");
    }

    @Test
    void properties_never_print_their_keys() {
        AtlassianProperties settings = valid();
        settings.setScimApiKey("scim-" + SECRET);
        settings.setSiteApiToken("site-" + SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET).contains("redacted");
    }

    @Test
    void the_reconciliation_defaults_are_nightly_ninety_days_and_the_derived_mass_change_threshold() {
        AtlassianProperties.Reconcile reconcile = valid().getReconcile();
        assertThat(reconcile.getCron()).isEqualTo("0 0 2 * * ?");
        assertThat(reconcile.settings().inactivity()).isEqualTo(Duration.ofDays(90));
        assertThat(reconcile.settings().maxDisableFor(2_000)).isEqualTo(100);
        assertThat(reconcile.settings().maxDisableFor(200)).isEqualTo(50);
    }

    @Test
    void a_reconciliation_cron_the_engine_would_refuse_is_named_at_startup() {
        for (String cron : List.of("0 2 * * *", "0 0 2 * * *", "0 0 2 ? * ?", "0 0 25 * * ?", "nightly", "")) {
            AtlassianProperties settings = valid();
            settings.getReconcile().setCron(cron);
            assertThat(AtlassianSettingsValidator.problems(settings)).as(cron).singleElement().asString()
                    .startsWith("atlassian.reconcile.cron must be a Quartz cron expression");
        }
        for (String cron : List.of("0 0 2 * * ?", "0 30 1 ? * MON-FRI", "0 0 3 1 * ? 2027")) {
            AtlassianProperties settings = valid();
            settings.getReconcile().setCron(cron);
            assertThat(AtlassianSettingsValidator.problems(settings)).as(cron).isEmpty();
        }
    }

    @Test
    void reconciliation_numbers_out_of_range_and_empty_exclusions_are_named() {
        AtlassianProperties settings = valid();
        settings.getReconcile().setInactivityDays(0);
        settings.getReconcile().setMaxDisable(-1);
        settings.getReconcile().setExclude(List.of("bot@example.com", " "));
        assertThat(AtlassianSettingsValidator.problems(settings)).containsExactlyInAnyOrder(
                "atlassian.reconcile.inactivity-days must be between 1 and 3650",
                "atlassian.reconcile.max-disable must be 0 or more (0: every disable needs the second approval)",
                "atlassian.reconcile.exclude has an empty entry");
    }
}
