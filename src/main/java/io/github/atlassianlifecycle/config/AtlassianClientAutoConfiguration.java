package io.github.atlassianlifecycle.config;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.transport.ClientRateLimiter;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.transport.TransportSettings;
import io.github.atlassianlifecycle.client.transport.UserAgent;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;

/**
 * The Atlassian API clients over one shared transport. Every bean backs off when the application defines its own,
 * so an integrator can swap any part.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(AtlassianProperties.class)
public class AtlassianClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AtlassianHttpTransport atlassianHttpTransport(AtlassianProperties properties, ObjectProvider<ObjectMapper> json,
            ObjectProvider<Clock> clock) {
        AtlassianProperties.Http http = properties.getHttp();
        TransportSettings settings = new TransportSettings(http.getConnectTimeout(), http.getResponseTimeout(),
                http.getMaxConnections(), UserAgent.value());
        AtlassianHttpTransport transport = new AtlassianHttpTransport(settings, json.getIfAvailable(ObjectMapper::new),
                clock.getIfAvailable(Clock::systemUTC));
        AtlassianProperties.RateLimit rateLimit = properties.getRateLimit();
        if (rateLimit.isEnabled()) {
            transport.addGate(new ClientRateLimiter(rateLimit.getRequestsPerSecond(), rateLimit.getMaxWait()));
        }
        return transport;
    }

    @Bean
    @ConditionalOnMissingBean
    UserManagementClient userManagementClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        return new UserManagementClient(transport, new ApiEndpoint(ApiFamily.USER_MANAGEMENT, properties.getApiUrl(),
                Credential.bearer(properties.getOrgApiKey())));
    }

    /** Only when a site is configured: Jira and Confluence are optional parts of a deployment. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${atlassian.site-url:}'.isBlank()")
    JiraClient jiraClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        return new JiraClient(transport, new ApiEndpoint(ApiFamily.JIRA, properties.getSiteUrl(),
                Credential.basic(properties.getSiteEmail(), properties.getSiteApiToken())));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${atlassian.site-url:}'.isBlank()")
    ConfluenceClient confluenceClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        return new ConfluenceClient(transport, new ApiEndpoint(ApiFamily.CONFLUENCE, properties.getSiteUrl(),
                Credential.basic(properties.getSiteEmail(), properties.getSiteApiToken())));
    }

    /** Only when Bitbucket Data Center is configured; Basic with an admin user, else the token as Bearer. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${atlassian.bitbucket-url:}'.isBlank()")
    BitbucketClient bitbucketClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        String user = properties.getBitbucketUser();
        Credential credential = user == null || user.isBlank() ? Credential.bearer(properties.getBitbucketToken())
                : Credential.basic(user, properties.getBitbucketToken());
        return new BitbucketClient(transport, new ApiEndpoint(ApiFamily.BITBUCKET, properties.getBitbucketUrl(),
                credential));
    }

    /** Only with a SCIM key: SCIM is optional, for organizations whose identity provider provisions users. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(ScimKeyConfigured.class)
    ScimClient scimClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        return new ScimClient(transport, new ApiEndpoint(ApiFamily.SCIM, properties.getApiUrl(),
                Credential.bearer(properties.getScimApiKey())), properties.effectiveScimDirectoryId());
    }

    @Bean
    @ConditionalOnMissingBean
    OrganizationsClient organizationsClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        return new OrganizationsClient(transport, new ApiEndpoint(ApiFamily.ORGANIZATIONS, properties.getApiUrl(),
                Credential.bearer(properties.getOrgApiKey())), properties.getOrgId(), properties.getDirectoryId());
    }
}
