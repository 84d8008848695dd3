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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
 * The Atlassian API clients over one shared transport, and the one {@link Clock} every part of the plugin reads.
 * Every bean backs off when the application defines its own, so an integrator can swap any part.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(AtlassianProperties.class)
public class AtlassianClientAutoConfiguration {

    /**
     * The time every auto-configured part reads (timestamps of requests, approvals, snapshots, call results, rate
     * limit resets). An application's own {@code Clock} bean replaces it everywhere at once.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock atlassianClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AtlassianHttpTransport atlassianHttpTransport(AtlassianProperties properties, ObjectProvider<ObjectMapper> json,
            Clock clock) {
        AtlassianProperties.Http http = properties.getHttp();
        TransportSettings settings = new TransportSettings(http.getConnectTimeout(), http.getResponseTimeout(),
                http.getMaxConnections(), UserAgent.value());
        AtlassianHttpTransport transport = new AtlassianHttpTransport(settings,
                atlassianJson(json.getIfAvailable(ObjectMapper::new)), clock);
        AtlassianProperties.RateLimit rateLimit = properties.getRateLimit();
        if (rateLimit.isEnabled()) {
            transport.addGate(new ClientRateLimiter(rateLimit.getRequestsPerSecond(), rateLimit.getMaxWait()));
        }
        return transport;
    }

    /**
     * The application's JSON settings (its modules, say) with what Atlassian's bodies need whatever the application
     * chose for its own API: field names as Atlassian spells them (a host's naming strategy, snake_case say, would
     * rename {@code accountId}), no {@code null} fields sent, dates as ISO-8601 text, unknown fields in answers
     * ignored (Atlassian adds fields without notice).
     */
    static ObjectMapper atlassianJson(ObjectMapper application) {
        ObjectMapper json = application.copy();
        json.setPropertyNamingStrategy(null);
        json.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        json.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        json.registerModule(new JavaTimeModule());
        return json;
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
