package io.github.atlassianlifecycle.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import io.github.atlassianlifecycle.campaign.CampaignService;

class KeepLinkLogGuardTest {

    final Logger logger = new LoggerContext().getLogger("some.logger");
    final KeepLinkLogGuard guard = new KeepLinkLogGuard();

    @Test
    void a_line_with_a_keep_links_token_is_dropped_and_a_masked_one_passes() {
        logger.setLevel(Level.DEBUG);
        assertThat(guard.decide(null, logger, Level.DEBUG, "GET " + CampaignService.KEEP_PATH + "abc.def HTTP/1.1",
                null, null)).isEqualTo(FilterReply.DENY);
        assertThat(guard.decide(null, logger, Level.INFO, "following {}", new Object[] {
                "http://x" + CampaignService.KEEP_PATH + "abc" }, null)).isEqualTo(FilterReply.DENY);
        assertThat(guard.decide(null, logger, Level.DEBUG, "GET " + CampaignService.KEEP_PATH + KeepLinkMask.MASK,
                null, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void an_event_below_its_loggers_level_is_let_by_without_turning_its_arguments_into_text() {
        logger.setLevel(Level.INFO);
        AtomicInteger rendered = new AtomicInteger();
        Object argument = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return CampaignService.KEEP_PATH + "abc";
            }
        };
        assertThat(guard.decide(null, logger, Level.DEBUG, "following {}", new Object[] { argument }, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(rendered).as("times the argument was turned into text").hasValue(0);
    }
}
