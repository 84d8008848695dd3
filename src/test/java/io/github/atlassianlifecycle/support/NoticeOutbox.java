package io.github.atlassianlifecycle.support;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.atlassianlifecycle.campaign.NotificationChannel;

/**
 * The shared demo context's notification channel: it keeps every campaign notice, so a test can follow a keep link
 * as the person would. It is the only place a token lives outside the person's mail.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoticeOutbox {

    /** Every notice sent so far, in order. */
    public static final List<NotificationChannel.Notice> SENT = new CopyOnWriteArrayList<>();

    @Bean
    NotificationChannel recordingNotificationChannel() {
        return notice -> {
            SENT.add(notice);
            return Optional.empty();
        };
    }
}
