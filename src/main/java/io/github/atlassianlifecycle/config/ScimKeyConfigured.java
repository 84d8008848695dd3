package io.github.atlassianlifecycle.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when a SCIM key is set and not blank. {@code @ConditionalOnProperty} would also match an empty value (an
 * environment variable set to ""), and the SCIM client would then fail the startup for an optional feature.
 */
class ScimKeyConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("atlassian.scim-api-key"));
    }
}
