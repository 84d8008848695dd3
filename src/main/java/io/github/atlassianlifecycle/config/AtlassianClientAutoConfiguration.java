package io.github.atlassianlifecycle.config;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
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

    @Bean
    @ConditionalOnMissingBean
    LocalServerUrl atlassianLocalServerUrl() {
        return new LocalServerUrl();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AtlassianHttpTransport atlassianHttpTransport(AtlassianProperties properties, ObjectProvider<ObjectMapper> json,
            LocalServerUrl localServerUrl, ObjectProvider<Clock> clock) {
        AtlassianProperties.Http http = properties.getHttp();
        TransportSettings settings = new TransportSettings(http.getConnectTimeout(), http.getResponseTimeout(),
                http.getMaxConnections(), UserAgent.value());
        return new AtlassianHttpTransport(settings, json.getIfAvailable(ObjectMapper::new), localServerUrl,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    UserManagementClient userManagementClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        return new UserManagementClient(transport, new ApiEndpoint(ApiFamily.USER_MANAGEMENT, properties.getApiUrl(),
                Credential.bearer(properties.getOrgApiKey())));
    }

    @Bean
    @ConditionalOnMissingBean
    OrganizationsClient organizationsClient(AtlassianHttpTransport transport, AtlassianProperties properties) {
        return new OrganizationsClient(transport, new ApiEndpoint(ApiFamily.ORGANIZATIONS, properties.getApiUrl(),
                Credential.bearer(properties.getOrgApiKey())), properties.getOrgId(), properties.getDirectoryId());
    }
}
