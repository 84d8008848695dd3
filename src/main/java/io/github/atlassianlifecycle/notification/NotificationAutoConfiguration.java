package io.github.atlassianlifecycle.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.atlassianlifecycle.campaign.NotificationChannel;
import io.github.atlassianlifecycle.config.AtlassianClientAutoConfiguration;
import io.github.atlassianlifecycle.config.AtlassianProperties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Mail, when {@code atlassian.notifications.mail.enabled} is true: the {@link Notifier} the processes call and the
 * campaigns' {@link NotificationChannel}, over Spring Mail's sender ({@code spring.mail.*}). Off, there is no
 * notifier (the processes use {@link Notifier#OFF}) and no channel (campaign rows say "no channel"). The templates are
 * checked at every start, mail on or off. Each bean yields to one of the application's own.
 */
@AutoConfiguration(after = { AtlassianClientAutoConfiguration.class, MailSenderAutoConfiguration.class },
        beforeName = "io.github.atlassianlifecycle.process.CampaignProcessAutoConfiguration")
@ConditionalOnBean(AtlassianProperties.class)
public class NotificationAutoConfiguration {

    /** The setting that turns mail on. */
    public static final String MAIL_ENABLED = "atlassian.notifications.mail.enabled";

    @Bean
    @ConditionalOnMissingBean
    MailTemplates mailTemplates() {
        return MailTemplates.load();
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationCounter notificationCounter(ObjectProvider<MeterRegistry> registry) {
        return new NotificationCounter(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MAIL_ENABLED, havingValue = "true")
    static class MailOn {

        @Bean
        @ConditionalOnMissingBean
        MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, AtlassianProperties properties) {
            JavaMailSender mailSender = sender.getIfAvailable();
            if (mailSender == null) {
                throw new IllegalStateException(MAIL_ENABLED + " is true but no mail server is configured: set"
                        + " spring.mail.host (SPRING_MAIL_HOST), and spring.mail.port, username and password as the"
                        + " server needs");
            }
            return new SpringMailTransport(mailSender, properties.getNotifications().getMail().getFrom());
        }

        @Bean
        @ConditionalOnMissingBean
        Links notificationLinks(AtlassianProperties properties, Environment environment) {
            AtlassianProperties.Notifications notifications = properties.getNotifications();
            String tasklist = notifications.getTasklistBaseUrl();
            if (tasklist == null || tasklist.isBlank()) {
                // Camunda's webapps live under this path of the application (its starter's default).
                tasklist = notifications.getPublicBaseUrl().replaceAll("/+$", "")
                        + environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
            }
            // Camunda's starter names its engine "default" unless told otherwise.
            return new Links(notifications.getPublicBaseUrl(), tasklist,
                    environment.getProperty("camunda.bpm.process-engine-name", "default"));
        }

        @Bean
        @ConditionalOnMissingBean(Notifier.class)
        MailNotifier mailNotifier(MailTransport transport, MailTemplates templates, NotificationCounter counter) {
            return new MailNotifier(transport, templates, counter);
        }

        @Bean
        @ConditionalOnMissingBean
        NotificationChannel mailNotificationChannel(MailNotifier notifier, MailTemplates templates, Links links) {
            return new MailChannel(notifier, templates, links);
        }
    }
}
