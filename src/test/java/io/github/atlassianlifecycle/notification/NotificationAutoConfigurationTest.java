package io.github.atlassianlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.github.atlassianlifecycle.campaign.NotificationChannel;
import io.github.atlassianlifecycle.config.AtlassianProperties;

class NotificationAutoConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AtlassianProperties.class)
    static class Settings {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class)
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                    NotificationAutoConfiguration.class))
            .withPropertyValues("atlassian.org-id=acme", "atlassian.directory-id=dir", "atlassian.org-api-key=key");

    @Test
    void with_a_mail_server_configured_but_mail_not_switched_on_nobody_is_mailed() {
        runner.withPropertyValues("spring.mail.host=127.0.0.1").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MailTemplates.class);
            assertThat(context).doesNotHaveBean(Notifier.class).doesNotHaveBean(NotificationChannel.class)
                    .doesNotHaveBean(MailTransport.class);
        });
    }

    @Test
    void mail_switched_on_without_a_mail_server_stops_the_start_naming_spring_mail_host() {
        runner.withPropertyValues("atlassian.notifications.mail.enabled=true",
                "atlassian.notifications.mail.from=lifecycle@acme.com",
                "atlassian.notifications.public-base-url=https://lifecycle.acme.com").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                            "atlassian.notifications.mail.enabled is true but no mail server is configured: set"
                                    + " spring.mail.host (SPRING_MAIL_HOST)");
                });
    }

    @Test
    void the_tasklist_link_names_the_engine_a_host_application_calls_otherwise_than_default() {
        runner.withPropertyValues("atlassian.notifications.mail.enabled=true", "spring.mail.host=127.0.0.1",
                "atlassian.notifications.mail.from=lifecycle@acme.com",
                "atlassian.notifications.public-base-url=https://lifecycle.acme.com",
                "camunda.bpm.process-engine-name=hr").run(context -> assertThat(context.getBean(Links.class)
                        .task("t-1")).isEqualTo("https://lifecycle.acme.com/camunda/app/tasklist/hr/#/?task=t-1"));
    }

    @Test
    void mail_on_mails_the_processes_and_the_campaigns_with_tasklist_under_camundas_webapp_path() {
        runner.withPropertyValues("atlassian.notifications.mail.enabled=true", "spring.mail.host=127.0.0.1",
                "atlassian.notifications.mail.from=lifecycle@acme.com",
                "atlassian.notifications.public-base-url=https://lifecycle.acme.com/").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MailNotifier.class)
                            .hasSingleBean(MailChannel.class);
                    assertThat(context.getBean(Links.class).task("t-1"))
                            .isEqualTo("https://lifecycle.acme.com/camunda/app/tasklist/default/#/?task=t-1");
                    assertThat(context.getBean(Links.class).path("/api/campaigns/keep/x"))
                            .isEqualTo("https://lifecycle.acme.com/api/campaigns/keep/x");
                });
    }

    @Test
    void an_application_mailing_its_own_way_keeps_its_channel() {
        NotificationChannel own = notice -> java.util.Optional.empty();
        runner.withBean(NotificationChannel.class, () -> own).withPropertyValues(
                "atlassian.notifications.mail.enabled=true", "spring.mail.host=127.0.0.1",
                "atlassian.notifications.mail.from=lifecycle@acme.com",
                "atlassian.notifications.public-base-url=https://lifecycle.acme.com").run(context ->
                        assertThat(context.getBean(NotificationChannel.class)).isSameAs(own));
    }
}
