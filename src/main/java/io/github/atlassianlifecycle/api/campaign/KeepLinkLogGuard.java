package io.github.atlassianlifecycle.api.campaign;

import java.util.regex.Pattern;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.atlassianlifecycle.campaign.CampaignService;

/**
 * The last line of defence for keep-link tokens in logs: {@link KeepLinkMask} takes the token out of the request
 * before Spring sees it, but the servlet container reads the raw request first, and its DEBUG lines (Tomcat's
 * {@code Http11InputBuffer} prints the bytes it received) would show it. This filter drops every log event, of any
 * logger at any level, whose message or arguments hold a keep link with a token; a masked link passes.
 */
public final class KeepLinkLogGuard extends TurboFilter {

    private static final Pattern TOKEN_IN_LINK = Pattern.compile(Pattern.quote(CampaignService.KEEP_PATH) + "(?!"
            + KeepLinkMask.MASK + "(?![A-Za-z0-9_.-]))[A-Za-z0-9_-]");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        // Turbo filters see every call, logged or not: an event below its logger's level is never written, so its
        // arguments need not be turned into text (which every disabled DEBUG call would otherwise pay for).
        if (level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        if (holdsToken(format)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if (param != null && holdsToken(String.valueOf(param))) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    static boolean holdsToken(String text) {
        return text != null && text.contains(CampaignService.KEEP_PATH) && TOKEN_IN_LINK.matcher(text).find();
    }
}
