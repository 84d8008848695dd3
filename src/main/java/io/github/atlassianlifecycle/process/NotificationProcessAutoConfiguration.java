package io.github.atlassianlifecycle.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.atlassianlifecycle.config.AtlassianProperties;
import io.github.atlassianlifecycle.notification.Links;
import io.github.atlassianlifecycle.notification.NotificationAutoConfiguration;
import io.github.atlassianlifecycle.notification.Notifier;
import io.github.atlassianlifecycle.process.notify.EscalateApprovalDelegate;
import io.github.atlassianlifecycle.process.notify.NotifyApproversListener;
import io.github.atlassianlifecycle.process.notify.NotifyRequesterListener;
import io.github.atlassianlifecycle.process.notify.ProcessMail;

/**
 * The beans the lifecycle models name to tell people (one name each, declared here): the approvers when an approval
 * is created and at its reminder, the escalation group when it stays unanswered, the requester at the end. Without a
 * {@link Notifier} (mail off) they note the escalation on the task and send nothing.
 */
@AutoConfiguration(after = { LifecycleProcessAutoConfiguration.class, NotificationAutoConfiguration.class })
@ConditionalOnClass(ProcessEngine.class)
@ConditionalOnBean(AtlassianProperties.class)
public class NotificationProcessAutoConfiguration {

    static final String NOTIFY_APPROVERS = "notifyApprovers";
    static final String ESCALATE_APPROVAL = "escalateApproval";
    static final String NOTIFY_REQUESTER = "notifyRequester";

    @Bean
    @ConditionalOnMissingBean
    ProcessMail processMail(ObjectProvider<Notifier> notifier, ObjectProvider<Links> links,
            AtlassianProperties properties) {
        Notifier chosen = notifier.getIfAvailable(() -> Notifier.OFF);
        String group = properties.getNotifications().getEscalationGroup();
        return new ProcessMail(chosen, links.getIfAvailable(), group == null || group.isBlank() ? null : group);
    }

    @Bean(NOTIFY_APPROVERS)
    @ConditionalOnMissingBean(name = NOTIFY_APPROVERS)
    NotifyApproversListener notifyApprovers(ProcessMail mail) {
        return new NotifyApproversListener(mail);
    }

    @Bean(ESCALATE_APPROVAL)
    @ConditionalOnMissingBean(name = ESCALATE_APPROVAL)
    EscalateApprovalDelegate escalateApproval(ProcessMail mail) {
        return new EscalateApprovalDelegate(mail);
    }

    @Bean(NOTIFY_REQUESTER)
    @ConditionalOnMissingBean(name = NOTIFY_REQUESTER)
    NotifyRequesterListener notifyRequester(ProcessMail mail) {
        return new NotifyRequesterListener(mail);
    }
}
